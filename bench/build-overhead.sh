#!/usr/bin/env bash
# Build-time cost of the source generator, measured on the sample (samples/VerifySoftwareToken.Sample):
#   with-generator  the sample as it is: the generator runs inside the compiler (seed spec + the Cognito model
#                   filtered to the sample's 8 operations when the shared data is there);
#   plain-sources   the same project with the generator's output checked in as plain .cs files (made by the CLI
#                   with the same namespace and operations) and no generator.
# Both copies live in a temporary folder (never in the repository), reference the repository's runtime project, and
# share a copy of the repository's Directory.Build.props and Directory.Packages.props. Each is built and run once
# first, and their outputs must match.
#
# Scenarios, each timed RUNS times (hyperfine when installed, else a plain loop):
#   edit    touch Program.cs, then `dotnet build --no-restore`: the compiler runs (and the generator with it).
#   no-op   `dotnet build --no-restore` with nothing changed: MSBuild's up-to-date checks only.
# The compiler server stays up between builds (the default), as in a developer's edit-build loop.
#
# Usage: bench/build-overhead.sh [RUNS]    (RUNS defaults to 10; KEEP=1 keeps the temporary folder)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-${RUNS:-10}}"
SHARED="${CODEGEN_SHARED_DIR:-$ROOT/../shared}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d "${TMPDIR:-/tmp}/codegen-build-overhead.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" != "1" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

SAMPLE="$ROOT/samples/VerifySoftwareToken.Sample"
COGNITO="$SHARED/models/botocore/cognito-idp/2016-04-18/service-2.json"
# The sample's operations (its csproj lists them comma-separated; the CLI takes ';').
OPERATIONS="$(sed -n 's/.*Operations="\([^"]*\)".*/\1/p' "$SAMPLE/VerifySoftwareToken.Sample.csproj" | head -n 1 | tr ',' ';')"

cp "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$WORK/"

# with-generator: the sample's project file with its relative paths into the repository made absolute.
mkdir -p "$WORK/with-generator"
cp "$SAMPLE"/*.cs "$WORK/with-generator/"
sed -e "s#\.\.\\\\\.\.\\\\#$ROOT/#g" "$SAMPLE/VerifySoftwareToken.Sample.csproj" > "$WORK/with-generator/VerifySoftwareToken.Sample.csproj"

# plain-sources: the generated files, written by the CLI, and a project without the generator.
mkdir -p "$WORK/plain-sources/Generated"
cp "$SAMPLE"/*.cs "$WORK/plain-sources/"
dotnet build "$ROOT/tools/Codegen.Cli" -nologo -v:q > /dev/null
dotnet run --no-build --project "$ROOT/tools/Codegen.Cli" -- generate "$ROOT/specs/cognito-idp/VerifySoftwareToken.json" --out "$WORK/plain-sources/Generated"
DEFINE=""
if [ -f "$COGNITO" ]; then
  export CODEGEN_SHARED_DIR="$(cd "$SHARED" && pwd)"
  dotnet run --no-build --project "$ROOT/tools/Codegen.Cli" -- generate "$COGNITO" --out "$WORK/plain-sources/Generated" \
    --namespace Sample.CognitoIdentityProvider --operations "$OPERATIONS"
  DEFINE="<DefineConstants>\$(DefineConstants);CODEGEN_SHARED_MODELS</DefineConstants>"
else
  echo "note: no shared data at $SHARED: both variants build the seed spec only" >&2
fi
cat > "$WORK/plain-sources/VerifySoftwareToken.Sample.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>VerifySoftwareToken.Sample</RootNamespace>
    $DEFINE
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$ROOT/runtime/Codegen.Runtime/Codegen.Runtime.csproj" />
    <PackageReference Include="Otp.NET" />
  </ItemGroup>
</Project>
XML

echo "== files: $(find "$WORK/plain-sources/Generated" -name '*.cs' | wc -l) generated files checked in ($(cat "$WORK"/plain-sources/Generated/*/*.cs "$WORK"/plain-sources/Generated/*/*/*.cs 2>/dev/null | wc -c) bytes)"
for variant in with-generator plain-sources; do
  dotnet build "$WORK/$variant" -nologo -v:q > "$WORK/$variant.build.log" || { cat "$WORK/$variant.build.log"; exit 1; }
  dotnet run --no-build --project "$WORK/$variant" > "$WORK/$variant.out"
done
if ! diff -q "$WORK/with-generator.out" "$WORK/plain-sources.out" > /dev/null; then
  echo "error: the two variants print different output" >&2
  diff "$WORK/with-generator.out" "$WORK/plain-sources.out" >&2 || true
  exit 1
fi
echo "== both variants build and print the same output"

BUILD="dotnet build --no-restore -nologo -v:q"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(dotnet --version) SDK; $(date -u +'%Y-%m-%d %H:%M UTC')"
if command -v hyperfine > /dev/null; then
  for scenario in edit no-op; do
    args=()
    for variant in with-generator plain-sources; do
      if [ "$scenario" = edit ]; then args+=(--prepare "touch $WORK/$variant/Program.cs"); else args+=(--prepare "true"); fi
      args+=(-n "$scenario: $variant" "$BUILD $WORK/$variant")
    done
    hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/$scenario.json" --export-markdown "$WORK/$scenario.md" "${args[@]}" > /dev/null
    echo "== $scenario ($RUNS runs each, hyperfine)"
    cat "$WORK/$scenario.md"
    python3 - "$WORK/$scenario.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
gen = next(v for k, v in results.items() if k.endswith("with-generator"))
plain = next(v for k, v in results.items() if k.endswith("plain-sources"))
print(f"ratio with-generator / plain-sources: {gen['mean'] / plain['mean']:.2f} (means {gen['mean']:.3f} s / {plain['mean']:.3f} s; difference {gen['mean'] - plain['mean']:+.3f} s)")
PY
  done
else
  echo "hyperfine is not installed (apt-get install -y hyperfine): timing with a plain loop"
  for scenario in edit no-op; do
    for variant in with-generator plain-sources; do
      $BUILD "$WORK/$variant" > /dev/null; $BUILD "$WORK/$variant" > /dev/null
      total=0
      for _ in $(seq "$RUNS"); do
        if [ "$scenario" = edit ]; then touch "$WORK/$variant/Program.cs"; fi
        start=$(date +%s.%N); $BUILD "$WORK/$variant" > /dev/null; end=$(date +%s.%N)
        total=$(echo "$total + $end - $start" | bc -l)
      done
      echo "$scenario: $variant mean $(echo "scale=3; $total / $RUNS" | bc -l) s over $RUNS runs"
    done
  done
fi
