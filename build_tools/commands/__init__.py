"""Subcommands of `course`. Each module has ``register(subparsers)``; cli.py lists the modules."""
