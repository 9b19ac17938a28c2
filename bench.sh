#!/usr/bin/env bash
# Runs a benchmark (see docs/benchmarks.md): ./bench.sh scan-ingestion [--devices 16] [--seconds 60] [--batch 100]
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests -pl benchmarks -am package
exec java -Xmx2g -Dlastmile.runtime=launcher/target/runtime -jar benchmarks/target/lastmile-benchmarks.jar "$@"
