"""A local emulator of the Podio API."""
