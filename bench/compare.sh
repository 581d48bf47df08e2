#!/usr/bin/env bash
# Runs one benchmark suite for this library and for the PyTorch reference in the same run, so the two figures
# are measured under the same machine load. Usage: bench/compare.sh gemm|seed-step|fewshot [--threads N] [--shots K]
# Needs: apt-get install -y python3-torch libopenblas0-pthread (and dataset-fashion-mnist for fewshot).
# Options the reference does not have (--long-run, --seed, --warmup) go to this library's runner only.
set -euo pipefail
cd "$(dirname "$0")/.."
suite=$1
shift
reference=../shared/bench/torch_reference.py
dotnet build -c Release bench/Hypernetworks.Benchmarks >/dev/null
dotnet run -c Release --no-build --project bench/Hypernetworks.Benchmarks -- "$suite" "$@"
reference_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --long-run|--seed|--warmup) shift 2 ;;
    *) reference_args+=("$1"); shift ;;
  esac
done
python3 "$reference" "$suite" "${reference_args[@]}"
