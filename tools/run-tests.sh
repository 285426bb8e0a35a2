#!/usr/bin/env bash
# Runs every test project of the solution (unit, integration, nfcheck's own) and prints the
# per-project results. Installs from Debian what the tests need beyond the .NET SDK when it is
# missing (the real broker, pseudo-terminals, the AsyncAPI validator come with later issues).
# Usage: bash tools/run-tests.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: mosquitto (a real MQTT broker), socat (pseudo-terminal pairs),
# tmux and picocom (a technician's terminal), nodejs and npm (the AsyncAPI validator).
needed=()
for pair in mosquitto:mosquitto socat:socat tmux:tmux picocom:picocom node:nodejs npm:npm; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || needed+=("${pair#*:}")
done
if [ "${#needed[@]}" -gt 0 ]; then
  echo "run-tests: installing ${needed[*]} from Debian"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}"; } >/tmp/run-tests-apt.log 2>&1; then
    echo "run-tests: WARNING: could not install ${needed[*]} (see /tmp/run-tests-apt.log); tests that need them will fail and say so"
  fi
fi

# The AsyncAPI validator's packages, exactly as tools/asyncapi/package-lock.json pins them
# (AsyncApiTests runs tools/asyncapi/validate.mjs). Only when missing or older than the lock file (npm
# writes node_modules/.package-lock.json last); a failure is the tests' to report.
if [ tools/asyncapi/package-lock.json -nt tools/asyncapi/node_modules/.package-lock.json ]; then
  mkdir -p out
  if ! (cd tools/asyncapi && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >out/asyncapi-npm-ci.log 2>&1; then
    echo "run-tests: WARNING: npm ci in tools/asyncapi failed (see out/asyncapi-npm-ci.log); the AsyncAPI tests will fail and say so"
  fi
fi

# One test assembly at a time: some tests keep real-time deadlines (a bench vehicle's 0.5 s charge loop),
# and on a 2-core machine assemblies running side by side would starve them.
dotnet test nanoframework.sln --nologo "$@" -- RunConfiguration.MaxCpuCount=1
