#!/usr/bin/env bash
# Collects the results of the (Co,Mn)3O4 campaign (campaign.sh WORK) into this folder: run
# from the repository root as  examples/comno/data/collect.sh WORK
#   comno-dft.extxyz   every converged calculation: the structure as computed (Vegard cell),
#                      energy= (eV per cell, GPAW, extrapolated to zero smearing), final
#                      moments, iterations, wall time, the arrangement's id/composition/occupancy
#   cell14.csv, cell28.csv   every calculation of each stage, failures with their reason
#   settings.json      the GPAW settings and versions (identical for every calculation)
#   hull/              mixing energies: ordex hull on comno-dft.extxyz
set -euo pipefail
work="${1:?usage: collect.sh WORK}"
data=examples/comno/data
for stage in cell14 cell28; do
  [ -f "$work/$stage/manifest.json" ] || continue
  ./ordex spotcheck ingest "$work/$stage" --system examples/comno/primitive.yaml \
      --add-to "$data/comno-dft.extxyz" || true   # exit 3: some not (yet) done; listed in the CSV
  cp "$work/$stage/results.csv" "$data/$stage.csv"
done
/usr/bin/python3 - "$data/settings.json" "$work"/cell*/*/result.json <<'PY'
import json, sys
# the settings of a calculation with both Co and Mn (every calculation has the same ones)
for f in sys.argv[2:]:
    d = json.load(open(f))
    if {"Co", "Mn"} <= set(d["species"]):
        json.dump({"settings": d["settings"], "versions": d["versions"]}, open(sys.argv[1], "w"),
                  indent=1)
        break
PY
./ordex hull "$data/comno-dft.extxyz" --species Co,Mn -o "$data/hull"
