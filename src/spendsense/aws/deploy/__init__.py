"""`spendsense aws deploy|status|destroy`: the stage of config.yaml, created or updated idempotently with boto3."""
