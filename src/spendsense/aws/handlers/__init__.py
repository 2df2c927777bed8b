"""Lambda entry points, one module per function family; each handler parses, calls the domain, shapes."""
