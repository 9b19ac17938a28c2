#!/usr/bin/env bash
# The one-command run: builds what it needs (tests skipped), then starts an embedded MariaDB and
# Payara Micro with Lastmile, loads the demo day on first start and prints where to look.
# Ctrl-C stops everything. Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-}" in
  -h|--help) exec java -cp launcher/target/classes dev.lastmile.launcher.Lastmile --help 2>/dev/null || true ;;
esac
echo "Building Lastmile (the first build downloads its dependencies from Maven Central) ..."
mvn -B -q -ntp -DskipTests -pl launcher -am package
exec java -jar launcher/target/lastmile-launcher.jar "$@"
