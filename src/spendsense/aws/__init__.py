"""SpendSense on AWS Lambda: handlers, the S3 snapshot store, the insights cache, packaging and deploy.

Handlers live in `spendsense.aws.handlers` and stay thin: parse the event, call the domain,
shape the response. The insight and WebSocket handlers never import FastAPI or Polars, so
their packages stay small and their cold starts short.
"""
