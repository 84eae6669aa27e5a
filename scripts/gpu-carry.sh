#!/usr/bin/env bash
# Builds .gpu-carry/duet-gpu.tar.xz: what `npm run bench:gpu` needs on a Linux x64 machine with an
# NVIDIA GPU, CUDA, CMake and a C++ compiler but no Node and no network, within the 64 MiB one may
# carry there. Run here, where Node and node_modules are; it prints the archive's size. On the GPU
# machine: `bash scripts/gpu-run.sh` (docs/GPU-CHECK.md has the plan and the measured sizes).
#
# node-llama-cpp's prebuilt CUDA binaries do not fit (libggml-cuda.so is 159 MB, 124 MB after
# xz -9e: fat binaries for every GPU generation), so llama.cpp is built there, for that GPU only:
#   - node: this machine's node binary, stripped of its debug info;
#   - node-headers/: Node's C headers, for the addon (cmake-js would download them);
#   - app/: bench-gpu, the engine worker and the fixture generator, each bundled into one .mjs by
#     esbuild (node-llama-cpp stays outside: it finds its binaries beside its own files);
#   - node_modules/: node-llama-cpp and its dependencies, without its prebuilt binaries and without
#     the 35 MB git bundle of llama.cpp; instead the llama.cpp source of that bundle (patched as
#     node-llama-cpp patches it), trimmed to what the library build compiles; the binary packages
#     linux-x64-cuda and linux-x64 keep only their loader and build metadata: gpu-run.sh puts
#     the binaries it builds there, so node-llama-cpp loads them as it loads its prebuilt ones.
# The benchmark model is not carried: gpu-run.sh generates it there (seconds).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CARRY="$ROOT/.gpu-carry"
LIMIT=$((64 * 1024 * 1024))
NLC="node_modules/node-llama-cpp"
cd "$ROOT"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
OUTDIR="$STAGE/duet-gpu"
mkdir -p "$OUTDIR/app" "$OUTDIR/node-headers/include"

echo "gpu-carry: node $(node -v), stripped; its headers" >&2
strip --strip-all -o "$OUTDIR/node" "$(command -v node)"
NODE_INCLUDE="$(dirname "$(command -v node)")/../include/node"
[ -f "$NODE_INCLUDE/node_api.h" ] || { echo "gpu-carry: Node's headers are not in $NODE_INCLUDE" >&2; exit 1; }
cp -r "$NODE_INCLUDE" "$OUTDIR/node-headers/include/node"

echo "gpu-carry: bundling the bench, the engine worker and the fixture generator" >&2
# One folder for all three: the engine host finds engine-worker.mjs beside its own (bundled) file,
# and the fixtures land in app/models/, where bench-gpu looks for the model.
npx --no-install esbuild test/bench/bench-gpu.ts src-main/local/engine-worker.ts scripts/make-fixtures.ts \
  --bundle --platform=node --format=esm --target=node20 --log-level=warning \
  --outdir="$OUTDIR/app" --entry-names='[name]' --out-extension:.js=.mjs \
  --external:node-llama-cpp \
  --banner:js="import { createRequire as __duetRequire } from 'node:module'; const require = __duetRequire(import.meta.url);"

echo "gpu-carry: node-llama-cpp and its dependencies" >&2
# The production dependency closure of node-llama-cpp, as Node would resolve it from node_modules.
node --input-type=module -e '
  import { existsSync, readFileSync } from "node:fs";
  import path from "node:path";
  const root = process.cwd();
  const seen = new Set();
  const find = (name, from) => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "node_modules", name);
      if (existsSync(path.join(candidate, "package.json"))) return candidate;
      if (path.dirname(dir) === dir) throw new Error(`${name} (needed by ${from}) is not installed`);
    }
  };
  const walk = (dir) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const name of Object.keys(pkg.dependencies ?? {})) walk(find(name, dir));
  };
  walk(path.join(root, "node_modules", "node-llama-cpp"));
  for (const dir of seen) console.log(path.relative(root, dir));
' > "$STAGE/closure.txt"
tar -cf - --exclude="$NLC/llama/gitRelease.bundle" --exclude="$NLC/llama/localBuilds" --exclude="$NLC/llama/llama.cpp" \
  -T "$STAGE/closure.txt" | tar -xf - -C "$OUTDIR"
# The binary packages without their binaries: the loader, and the metadata that says which llama.cpp they hold.
for pkg in linux-x64-cuda linux-x64; do
  dir="node_modules/@node-llama-cpp/$pkg"
  mkdir -p "$OUTDIR/$dir/bins/$pkg"
  cp -r "$dir/package.json" "$dir/dist" "$dir/LICENSE" "$OUTDIR/$dir/"
  cp "$dir/bins/$pkg/_nlcBuildMetadata.json" "$OUTDIR/$dir/bins/$pkg/"
done

echo "gpu-carry: llama.cpp's source from node-llama-cpp's git bundle" >&2
git clone -q "$NLC/llama/gitRelease.bundle" "$STAGE/llama.cpp" 2>/dev/null
for patch in "$NLC"/llama/patches/*.diff; do
  [ -f "$patch" ] && git -C "$STAGE/llama.cpp" apply "$ROOT/$patch"
done
mkdir -p "$OUTDIR/$NLC/llama/llama.cpp"
# What the library build compiles (tools, tests, examples, docs and vocabularies are off or unused there).
tar -C "$STAGE/llama.cpp" -cf - CMakeLists.txt LICENSE licenses cmake common ggml include src vendor \
  | tar -xf - -C "$OUTDIR/$NLC/llama/llama.cpp"

echo "gpu-carry: compressing (xz -9e; a few minutes)" >&2
rm -rf "$CARRY"
mkdir -p "$CARRY"
tar -C "$STAGE" -cf - duet-gpu | xz -9e -T2 > "$CARRY/duet-gpu.tar.xz"
(cd "$OUTDIR" && du -sb node node-headers app node_modules "$NLC/llama/llama.cpp") > "$CARRY/sizes.txt"

SIZE=$(stat -c %s "$CARRY/duet-gpu.tar.xz")
echo "gpu-carry: $CARRY/duet-gpu.tar.xz is $SIZE bytes ($((SIZE / 1024 / 1024)) MiB; the limit is 64 MiB). Unpacked:" >&2
cat "$CARRY/sizes.txt" >&2
if [ "$SIZE" -gt "$LIMIT" ]; then
  echo "gpu-carry: too large to carry" >&2
  exit 1
fi
