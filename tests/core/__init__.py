"""Tests of the language core: source, syntax, reader, checks, formatter, CLI."""
