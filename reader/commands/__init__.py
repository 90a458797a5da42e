"""Subcommands of the ``hitech-reader`` CLI, one module each."""
