#!/usr/bin/env bash
# Install what the tests need and run every test: the Python package (lint,
# types, pytest) and the VS Code extension (type check, lint, grammar tests).
#
# Python packages go into .venv, npm packages into vscode-extension/node_modules.
# Neovim, Emacs and Graphviz, which the editor and diagram tests drive, come
# from Debian's packages when the machine allows installing them; without
# them those tests are skipped with a message saying so. A newer Neovim comes
# with the Python test extra on Linux x86_64.
set -euo pipefail
cd "$(dirname "$0")/.."

# requirements.lock pins every package the tests install, down to the
# dependencies of dependencies (pip-compile --extra test; see the README).
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check \
  -c requirements.lock '.[test]'

# The wheels pre-commit's hook environment installs, so its tests run offline.
.venv/bin/pip wheel --quiet --disable-pip-version-check -w .wheelhouse \
  -c requirements.lock . hatchling==1.33.0

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v dot >/dev/null || missing+=(graphviz)
command -v emacs >/dev/null || missing+=(emacs-nox elpa-eglot)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Mermaid and jsdom, with which the tests parse the Mermaid export (no browser).
(cd tests/export/mermaid && npm ci --no-audit --no-fund)
(cd vscode-extension && npm ci --no-audit --no-fund)

# Every check runs, even after one fails; the script fails if any did.
failed=()
run() {
  echo "== $*"
  "$@" || failed+=("$*")
}
run .venv/bin/ruff check .
run .venv/bin/ruff format --check .
run .venv/bin/mypy
run .venv/bin/pytest
run bash -c "cd vscode-extension && npm test"

if [ ${#failed[@]} -gt 0 ]; then
  printf 'failed: %s\n' "${failed[@]}"
  exit 1
fi
echo "every check passed"
