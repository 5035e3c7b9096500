#!/usr/bin/env bash
# Where main spent its CPU in the recordings of `JFR_DIR=… bench/gateway/observability.sh`: for off.jfr and on.jfr,
# the share of execution samples whose stack holds a frame of each part (inclusive, so parts overlap: a Micrometer
# call made by Micronaut's metrics filter counts for both), and of samples whose frame nearest the leaf among these
# parts is that part's ("own": the JDK and Netty code a part calls count for it; no overlap). Multiply a share by
# the run's CPU per request for µs.
# Usage: bench/gateway/jfr-shares.sh DIR
set -euo pipefail
DIR="${1:?usage: jfr-shares.sh DIR (holding off.jfr and on.jfr)}"
for mode in off on; do
  [ -f "$DIR/$mode.jfr" ] || { echo "no $DIR/$mode.jfr"; exit 1; }
  echo "== $mode"
  jfr print --events jdk.ExecutionSample --stack-depth 512 "$DIR/$mode.jfr" | awk '
    BEGIN {
      n = split("opentelemetry-sdk=io\\.opentelemetry\\.sdk\\.|opentelemetry-exporter=io\\.opentelemetry\\.exporter\\.|zipkin2\\.|opentelemetry-instrumentation=io\\.opentelemetry\\.instrumentation\\.|opentelemetry-api+context=io\\.opentelemetry\\.(api|context)\\.|micronaut-tracing=io\\.micronaut\\.tracing\\.|micrometer=io\\.micrometer\\.|micronaut-metrics=io\\.micronaut\\.configuration\\.metrics\\.|dojo-gateway-metrics=dev\\.dojo\\.main\\.observability\\.|log-correlation=dev\\.dojo\\.common\\.observability\\.|mdc=MdcPropagationContext|LogbackMDCAdapter|reactor=reactor\\.core\\.|propagated-context=io\\.micronaut\\.core\\.propagation\\.|access-log=dev\\.dojo\\.main\\.accesslog\\.", parts, "|")
      # parts: name=regex, where a regex may continue over the next pieces until the next name=
      k = 0
      for (i = 1; i <= n; i++) {
        if (parts[i] ~ /^[a-z0-9+-]+=/) { k++; split(parts[i], kv, "="); name[k] = kv[1]; re[k] = kv[2] }
        else { re[k] = re[k] "|" parts[i] }
      }
    }
    /^jdk\.ExecutionSample/ { if (total) own[nearest]++; total++; delete seen; nearest = "other"; next }
    /line:/ {
      first = (nearest == "other")
      for (j = 1; j <= k; j++) if ($0 ~ re[j]) {
        if (!(j in seen)) { seen[j] = 1; hits[j]++ }
        if (first && nearest == "other") nearest = j
      }
    }
    END {
      if (total) own[nearest]++
      printf "%d samples; share with a frame of the part anywhere on the stack (inclusive) / nearest the leaf (own)\n", total
      for (j = 1; j <= k; j++)
        printf "  %-32s %5.1f %%  %5.1f %%\n", name[j], total ? 100 * hits[j] / total : 0, total ? 100 * own[j] / total : 0
      printf "  %-32s        %5.1f %%\n", "none of these", total ? 100 * own["other"] / total : 0
    }'
done
