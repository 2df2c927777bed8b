"""Who is calling: passwords (argon2), access tokens (JWT), the signing secret, logins."""
