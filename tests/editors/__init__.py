"""End-to-end tests of the editor and tool integrations: real tools, real files."""
