#!/usr/bin/env bash
# Build-time share of the analyzers (CG1xxx) on a project with the full EC2 model (4,209 shapes, 800 operations:
# about 4,500 generated files), measured by the compiler itself (-p:ReportAnalyzer=true prints the time of each
# analyzer and generator in the CoreCompile output). The project lives in a temporary folder (never in the
# repository), references the repository's generator (as an analyzer) and runtime (Release builds, copied), sets AwsIamPolicyOutput (so all
# four analyzers run), and has a Program.cs that uses the model the way an application does: constructors and With*
# with constants, an enum, a client call in a try block with a catch, sensitive values and a logger-free Console.
#
# Each run touches Program.cs and runs `dotnet build --no-restore` (the compiler server stays up, as in an
# edit-build loop). Per run it prints the build's wall time, the compiler's total analyzer and generator times and
# the time of each Codegen analyzer; at the end the means and the analyzers' share of the build's wall time.
#
# Usage: bench/analyzer-overhead.sh [RUNS]    (RUNS defaults to 5; KEEP=1 keeps the temporary folder)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-${RUNS:-5}}"
SHARED="${CODEGEN_SHARED_DIR:-$ROOT/../shared}"
EC2="$SHARED/models/botocore/ec2/2016-11-15/service-2.json"
[ -f "$EC2" ] || { echo "error: the EC2 model is missing at $EC2 (shared data)" >&2; exit 1; }
EC2="$(cd "$(dirname "$EC2")" && pwd)/service-2.json"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d "${TMPDIR:-/tmp}/codegen-analyzer-overhead.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" != "1" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

# The generator (with the analyzers), the task and the runtime, built once in Release and copied: the measured project
# references the copies, so later edits in the repository cannot change what is measured.
mkdir -p "$WORK/bin"
for project in generator/Codegen.Generator generator/Codegen.Build runtime/Codegen.Runtime; do
  dotnet build "$ROOT/$project" -c Release -nologo -v:q -o "$WORK/bin/$(basename "$project")" > /dev/null
done
cp "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$WORK/"
mkdir -p "$WORK/ec2"
cat > "$WORK/ec2/Ec2App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$ROOT/generator/Codegen.Generator/build/Codegen.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <AwsIamPolicyOutput>\$(BaseIntermediateOutputPath)iam-policy.json</AwsIamPolicyOutput>
    <CodegenBuildTasksAssembly>$WORK/bin/Codegen.Build/Codegen.Build.dll</CodegenBuildTasksAssembly>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$WORK/bin/Codegen.Generator/Codegen.Generator.dll" />
    <Reference Include="$WORK/bin/Codegen.Runtime/Codegen.Runtime.dll" />
    <AwsModel Include="$EC2" />
  </ItemGroup>
  <Import Project="$ROOT/generator/Codegen.Generator/build/Codegen.targets" />
</Project>
XML
cat > "$WORK/ec2/Program.cs" <<'CS'
using System;
using System.Threading.Tasks;
using Aws.EC2;
using Codegen.Runtime.Client;

internal static class Program
{
    private static async Task<int> Main()
    {
        using var client = new EC2Client(new AwsClientOptions { Region = "us-east-1" });
        var run = new RunInstances(maxCount: 2, minCount: 1)
            .WithImageId("ami-0123456789abcdef0")
            .WithInstanceType(InstanceType.T3Micro);
        var describe = new DescribeInstances().WithMaxResults(50).WithInstanceIds(new[] { "i-0123456789abcdef0" });
        try
        {
            await client.DescribeInstancesAsync(describe);
            await client.RunInstancesAsync(run);
        }
        catch (NotSupportedException e)
        {
            Console.WriteLine($"EC2 has no serializer yet: {e.Message}");
        }

        Console.WriteLine(run);
        return 0;
    }
}
CS

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(dotnet --version) SDK; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +'%Y-%m-%d %H:%M UTC')"
dotnet build "$WORK/ec2" -nologo -v:q > "$WORK/first.log" || { cat "$WORK/first.log"; exit 1; }
echo "== first build done; the policy it wrote:"
cat "$WORK/ec2/obj/iam-policy.json"

python3 - "$WORK" "$RUNS" <<'PY'
import os, re, subprocess, sys, time
work, runs = sys.argv[1], int(sys.argv[2])
project = os.path.join(work, "ec2")
rows = []
for run in range(runs + 1):  # the first run warms the compiler server up and is not counted
    os.utime(os.path.join(project, "Program.cs"))
    start = time.monotonic()
    out = subprocess.run(["dotnet", "build", project, "--no-restore", "-nologo", "-v:d"], capture_output=True, text=True)
    wall = time.monotonic() - start
    if out.returncode != 0:
        print(out.stdout[-5000:]); sys.exit(1)
    text = out.stdout
    total_analyzers = float(re.search(r"Total analyzer execution time: ([\d.]+) seconds", text).group(1))
    total_generators = float(re.search(r"Total generator execution time: ([\d.]+) seconds", text).group(1))
    ours = {}
    for m in re.finditer(r"^\s*([\d.]+|<0\.001)\s+(\d+|<1)\s+Codegen\.Generator\.(?:Analyzers\.)?(\w+)", text, re.M):
        seconds = 0.0005 if m.group(1) == "<0.001" else float(m.group(1))
        ours[m.group(3)] = ours.get(m.group(3), 0) + seconds
    if run == 0:
        continue
    rows.append((wall, total_analyzers, total_generators, ours))
    print(f"run {run}: build {wall:.2f} s; all analyzers {total_analyzers:.3f} s, all generators {total_generators:.3f} s; "
          + ", ".join(f"{k} {v:.3f} s" for k, v in sorted(ours.items())))
names = sorted({k for r in rows for k in r[3]})
mean = lambda xs: sum(xs) / len(xs)
wall = mean([r[0] for r in rows])
analyzers = {n: mean([r[3].get(n, 0) for r in rows]) for n in names}
codegen_analyzers = sum(v for k, v in analyzers.items() if k.endswith("Analyzer"))
print(f"== means over {len(rows)} runs: build {wall:.2f} s; all analyzers (SDK's included) {mean([r[1] for r in rows]):.3f} s; generators {mean([r[2] for r in rows]):.3f} s")
for n in names:
    print(f"   {n}: {analyzers[n]:.3f} s")
print(f"== Codegen's analyzers: {codegen_analyzers:.3f} s = {100 * codegen_analyzers / wall:.1f}% of the build's wall time (goal: under 10%)")
PY
