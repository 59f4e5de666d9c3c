"""Pytest fixtures for tests that talk to the Podio emulator."""
