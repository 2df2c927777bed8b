"""`spendsense aws package`: Lambda zips and layers from manylinux wheels, checked against their size budgets."""
