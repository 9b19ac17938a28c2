#!/usr/bin/env bash
# Builds an earlier revision of Lastmile beside this checkout, for benchmarks that compare against it in the
# same run: ./benchmarks/build-revision.sh <git revision>  prints the runtime directory (Payara Micro and its WAR).
# Only `package`, never `install`: the local Maven repository keeps this checkout's artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
revision="$(git rev-parse --short "$1")"
target="$PWD/benchmarks/target/revisions/$revision"
if [ ! -f "$target/launcher/target/runtime/lastmile.war" ]; then
  rm -rf "$target" && mkdir -p "$target"
  git archive "$revision" | tar -x -C "$target"
  (cd "$target" && mvn -B -q -ntp -DskipTests -pl launcher -am package >&2)
fi
echo "$target/launcher/target/runtime"
