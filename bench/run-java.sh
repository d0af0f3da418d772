#!/usr/bin/env bash
# Runs a main class of the test classes (a benchmark) in a JVM with the project's classpath, after
# building the classes and the classpath as needed. Usage: bench/run-java.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/classpath.txt
if [[ ! -f $cp_file || pom.xml -nt $cp_file ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=$cp_file >/dev/null
fi
mvn -q -B test-compile -Denforcer.skip=true >/dev/null
main=$1
shift
exec java -Xss8m -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
  -cp "target/test-classes:target/classes:$(cat $cp_file)" "$main" "$@"
