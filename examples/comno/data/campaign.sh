#!/usr/bin/env bash
# The (Co,Mn)3O4 DFT campaign behind this folder's dataset, with ordex's spot-check pipeline
# and the GPAW adapter. Run from the repository root, in the background, one calculation at
# a time (the machine it was made on has 2 shared cores):
#   nohup examples/comno/data/campaign.sh WORK > WORK.log 2>&1 &
# Resumable: run it again with the same WORK and finished calculations are kept.
# Stage 1: the 15 symmetry-distinct arrangements of the 14-atom primitive cell.
# Stage 2 (when WORK/cell28/manifest.json exists): the 28-atom arrangements chosen by
#   ./ordex spotcheck select (D-optimality on cluster-expansion correlation vectors).
set -euo pipefail
work="${1:?usage: campaign.sh WORK}"
mkdir -p "$work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
# Freeze the code of the campaign: later edits of the repository do not change it.
[ -f "$work/ordex.jar" ] || { ./ordex --version >/dev/null; cp cli/target/ordex.jar "$work/ordex.jar"; }
[ -f "$work/gpaw_energy.py" ] || cp examples/dft/gpaw_energy.py "$work/gpaw_energy.py"
ordex() { java -Djava.awt.headless=true -jar "$work/ordex.jar" "$@"; }
adapter="/usr/bin/python3 $(cd "$work" && pwd)/gpaw_energy.py structure.extxyz -o result.json"
run() { ordex spotcheck run "$1" --command "$adapter" --done-file result.json --timeout 3h "${@:2}" || true; }

if [ ! -f "$work/cell14/manifest.json" ]; then
  ordex structures examples/comno/primitive.yaml --all-compositions --distinct \
      -o "$work/cell14.extxyz"
  ordex spotcheck export "$work/cell14.extxyz" -o "$work/cell14" \
      --options examples/comno/dft-options.yaml --system examples/comno/primitive.yaml \
      --format extxyz,vasp,qe
fi
run "$work/cell14" --only Co6Mn0-0,Co0Mn6-0   # the end members first
run "$work/cell14"
if [ -f "$work/cell28/manifest.json" ]; then
  run "$work/cell28"
fi
echo "campaign: finished $(date -u +%FT%TZ)"
