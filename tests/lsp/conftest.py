"""Fixtures: one server per client profile for the whole session.

Each profile's capabilities are pytest-lsp's recordings of VS Code and
Neovim; VS Code negotiates UTF-16 positions and Neovim UTF-8, so every
test with non-ASCII text checks both encodings.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

from .helpers import Client, Editor, make_client

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "dag_lsp"], client_factory=make_client
)

PROFILES = ["visual-studio-code", "neovim"]
ENCODINGS = ["utf-8", "utf-16", "utf-32"]


@pytest_lsp.fixture(config=SERVER, params=PROFILES, scope="session")
async def client(
    request: pytest.FixtureRequest, lsp_client: Client
) -> AsyncIterator[None]:
    """A client of each profile, initialized, shut down at the end."""
    params = types.InitializeParams(capabilities=client_capabilities(request.param))
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = str(result.capabilities.position_encoding or "utf-16")
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client: Client) -> Editor:
    """Documents and requests through the profile's client."""
    return Editor(client)


@pytest_lsp.fixture(config=SERVER, params=ENCODINGS, scope="session")
async def encoded_client(
    request: pytest.FixtureRequest, lsp_client: Client
) -> AsyncIterator[None]:
    """A VS Code client offering one position encoding only."""
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[request.param]
    )
    params = types.InitializeParams(capabilities=capabilities)
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = str(result.capabilities.position_encoding)
    assert lsp_client.encoding == request.param
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def encoded(encoded_client: Client) -> Editor:
    """Documents and requests in one negotiated position encoding."""
    return Editor(encoded_client)
