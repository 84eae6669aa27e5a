#!/usr/bin/env bash
# On the GPU machine (no Node, no network), from the repository root with .gpu-carry/ carried:
#   bash scripts/gpu-run.sh
# Unpacks .gpu-carry/duet-gpu.tar.xz (built by scripts/gpu-carry.sh), builds llama.cpp and
# node-llama-cpp's addon with CMake for this machine's GPU only, generates the benchmark model and
# runs bench:gpu. The JSON goes to stdout and to $OUT/bench-gpu.json; what the machine has
# (nvidia-smi, nvcc, cmake) and the build's log to $OUT/; progress to stderr.
# DUET_GPU_BUILD=cpu builds without CUDA (to try this script on a machine without a GPU).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ARCHIVE="$ROOT/.gpu-carry/duet-gpu.tar.xz"
WORK="${DUET_GPU_WORK:-${TMPDIR:-/tmp}/duet-gpu-run}"
RESULTS="${OUT:-$ROOT/.gpu-carry}"
KIND="${DUET_GPU_BUILD:-cuda}"
mkdir -p "$RESULTS"
[ -f "$ARCHIVE" ] || { echo "gpu-run: $ARCHIVE is missing: run scripts/gpu-carry.sh where Node is, and carry .gpu-carry/." >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
echo "gpu-run: unpacking to $WORK" >&2
if command -v xz >/dev/null 2>&1; then
  xz -dc "$ARCHIVE" | tar -xf - -C "$WORK"
else
  # Python's lzma when the machine has no xz.
  python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1], "r:xz").extractall(sys.argv[2])' "$ARCHIVE" "$WORK"
fi
APP="$WORK/duet-gpu"
# The carried node, for the addon's CMake file (it asks node where node-addon-api is) and for the bench.
export PATH="$APP:$PATH"
# nvcc, and the CUDA runtime the built library links to, wherever the toolkit is (the loader may not know).
for dir in /usr/local/cuda /usr/local/cuda-*; do
  if [ -x "$dir/bin/nvcc" ]; then
    PATH="$PATH:$dir/bin"
    export LD_LIBRARY_PATH="$dir/lib64:$dir/targets/x86_64-linux/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    break
  fi
done

{
  echo "== nvidia-smi"; nvidia-smi 2>&1 || echo "(no nvidia-smi)"
  echo "== nvcc"; nvcc --version 2>&1 || echo "(no nvcc)"
  echo "== cmake"; cmake --version 2>&1 | head -1 || echo "(no cmake)"
  echo "== node"; node --version
  echo "== cores"; nproc
} > "$RESULTS/preflight.txt" 2>&1
cat "$RESULTS/preflight.txt" >&2

if [ "$KIND" = cuda ]; then
  PACKAGE=linux-x64-cuda
  # Kernels for this machine's GPU only ('native'); DUET_CUDA_ARCHITECTURES=90 (H100/H200) names one.
  GPU_FLAGS=(-DGGML_CUDA=ON "-DCMAKE_CUDA_ARCHITECTURES=${DUET_CUDA_ARCHITECTURES:-native}")
else
  PACKAGE=linux-x64
  GPU_FLAGS=(-DGGML_CUDA=OFF)
fi
GENERATOR=()
if command -v ninja >/dev/null 2>&1; then GENERATOR=(-G Ninja); fi
LLAMA="$APP/node_modules/node-llama-cpp/llama"
BUILD="$WORK/build"
echo "gpu-run: building llama.cpp ($KIND) with $(nproc) jobs; the log goes to $RESULTS/build.log" >&2
started=$(date +%s)
{
  cmake -S "$LLAMA" -B "$BUILD" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_JS_INC="$APP/node-headers/include/node" -DNLC_CURRENT_PLATFORM=linux-x64 -DNLC_TARGET_PLATFORM=linux-x64 \
    -DGGML_NATIVE=ON -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF "${GPU_FLAGS[@]}"
  cmake --build "$BUILD" --config Release --parallel "$(nproc)" --target llama-addon
} > "$RESULTS/build.log" 2>&1 || { tail -40 "$RESULTS/build.log" >&2; echo "gpu-run: the build failed (log above and in $RESULTS/build.log)" >&2; exit 3; }
echo "gpu-run: built in $(( $(date +%s) - started )) s" >&2

# Where node-llama-cpp looks for its prebuilt binaries: the addon and the libraries beside it
# ($ORIGIN is their search path), with the package's own build metadata.
BINS="$APP/node_modules/@node-llama-cpp/$PACKAGE/bins/$PACKAGE"
find "$BUILD" \( -name 'llama-addon.node' -o -name '*.so' \) -type f -exec cp {} "$BINS/" \;
ls -la "$BINS" >&2

cd "$APP/app"
echo "gpu-run: generating the benchmark model" >&2
node make-fixtures.mjs --bench >&2
echo "gpu-run: bench:gpu" >&2
# Only the binaries built here: never a build from source at load time (there is no network).
NODE_LLAMA_CPP_SKIP_DOWNLOAD=true node bench-gpu.mjs | tee "$RESULTS/bench-gpu.json"
