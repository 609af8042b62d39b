#!/usr/bin/python3
"""Single-point spin-polarised PBE+U energy of one structure with GPAW (LCAO), as JSON.

ordex's DFT adapter for GPAW: `ordex spotcheck run DIR --command "..."` runs it once per
structure folder. Run it with Debian's Python (packages gpaw, gpaw-data, python3-ase):

    OMP_NUM_THREADS=1 /usr/bin/python3 examples/dft/gpaw_energy.py structure.extxyz -o result.json

Input: one structure (extxyz, POSCAR or anything ase.io.read understands). Initial magnetic
moments come from the file (an `initial_magmoms` column, or the `initial_magmoms=m1,m2,...`
key written by `ordex spotcheck export`) when it has them, otherwise from a site-aware rule
(see `initial_moments`). Output (atomically written JSON, format
"ordex-gpaw-result/1"): total energy in eV per cell (GPAW's value extrapolated to zero
smearing), free energy, final magnetic moments per atom and in total, iterations, wall time,
the structure as computed and every setting, plus the GPAW/ASE versions.

Exit codes: 0 converged; 3 SCF not converged within --maxiter (the JSON is still written,
with "converged": false and the reason); 2 bad input (unreadable structure, bad option).

The defaults are the settings of the (Co,Mn)3O4 dataset in examples/comno/data/ (see its
README): PBE, Dudarev U on the 3d shell (Co 3.32 eV, Mn 3.9 eV, as in the Materials
Project), the 7-electron Mn setup, LCAO dzp basis, grid spacing 0.2 Å, k-points from a
density of 1.4 per Å^-1 on meshes shifted by half a step (Monkhorst-Pack 2x2x2 for the
14-atom spinel cell; 2x2x1 with the third point at 1/2 for its 1x1x2 supercell: the same
Bloch vectors), Fermi-Dirac smearing 0.2 eV (energies extrapolated to zero width), the
damped spin-difference Pulay mixer (beta 0.05, history 5, weight 50), point-group symmetry
off, SCF density criterion 5e-4 per electron, maxiter 150.
"""

import argparse
import json
import math
import os
import sys
import tempfile
import time

import numpy as np

FORMAT = "ordex-gpaw-result/1"

# Initial moments in Bohr magnetons by (species, coordination): high-spin Co2+ (3) and
# Mn2+ (5) on tetrahedral sites, low-spin Co3+ (0) and high-spin Mn3+ (4) on octahedral
# sites, tetrahedral moments antiparallel to octahedral ones (Neel ferrimagnet).
# Starting Co3O4 from 3 uB on every Co converges ~5x slower and into a state 3 eV/cell
# higher (ENGINEERING_NOTES.md), hence the site-aware rule.
SITE_MOMENTS = {
    ("Co", 4): -3.0, ("Co", 6): 0.0,
    ("Mn", 4): -5.0, ("Mn", 6): 4.0,
    ("Fe", 4): -5.0, ("Fe", 6): 5.0,
    ("Ni", 4): -2.0, ("Ni", 6): 2.0,
    ("Cr", 4): -3.0, ("Cr", 6): 3.0,
}
# Free-atom-like fallback for a magnetic species in another coordination.
SPECIES_MOMENTS = {"Co": 3.0, "Mn": 5.0, "Fe": 5.0, "Ni": 2.0, "Cr": 3.0}
ANIONS = ("O", "S", "Se", "N", "F")
BOND_CUTOFF = 2.6  # Å: cation-anion bonds in oxide spinels are 1.9-2.2 Å, next shell > 3.3 Å


class InputError(Exception):
    """Bad input: reported on stderr with exit code 2."""


def parse_species_values(text, option):
    """'Co=3.32,Mn=3.9' -> {'Co': 3.32, 'Mn': 3.9}; '' or 'none' -> {}."""
    if text.strip().lower() in ("", "none"):
        return {}
    values = {}
    for item in text.split(","):
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            values[name.strip()] = float(value)
        except ValueError:
            raise InputError(f"{option}: expected SPECIES=VALUE[,SPECIES=VALUE...], got '{item}'")
    return values


def parse_kpts(text):
    """'2,2,2' -> (2, 2, 2)."""
    try:
        size = tuple(int(v) for v in text.split(","))
    except ValueError:
        size = ()
    if len(size) != 3 or min(size) < 1:
        raise InputError(f"--kpts: expected three positive integers like 2,2,2, got '{text}'")
    return size


def kpoint_mesh(cell, density):
    """Mesh size from a density: n_i = ceil(2 pi |b_i| * density), at least 1."""
    reciprocal = np.linalg.inv(np.asarray(cell, dtype=float)).T  # rows b_i without 2 pi
    return tuple(max(1, math.ceil(2 * math.pi * np.linalg.norm(b) * density - 1e-9))
                 for b in reciprocal)


def kpoint_list(size, centring):
    """Scaled k-points of the mesh: Gamma-centred (j/n) or shifted by half a step ((j+1/2)/n).

    The half-step mesh is Monkhorst-Pack for even n and puts the single point of an n = 1
    axis at 1/2, so a 2x2x2 mesh of a cell and the 2x2x1 mesh of its 1x1x2 supercell sample
    the same Bloch vectors (the supercell energy of a cell-periodic arrangement is exactly
    twice the cell's). GPAW reduces the list by time reversal.
    """
    shift = 0.5 if centring == "half-step" else 0.0
    axes = [[(j + shift) / n for j in range(n)] for n in size]
    return np.array([[a, b, c] for a in axes[0] for b in axes[1] for c in axes[2]])


def initial_moments(atoms):
    """Site-aware initial moments (see SITE_MOMENTS), 0 for species not listed."""
    from ase.neighborlist import neighbor_list
    symbols = atoms.get_chemical_symbols()
    first, second = neighbor_list("ij", atoms, BOND_CUTOFF)
    anion_neighbours = np.zeros(len(atoms), dtype=int)
    for i, j in zip(first, second):
        if symbols[j] in ANIONS:
            anion_neighbours[i] += 1
    moments = []
    for symbol, n in zip(symbols, anion_neighbours):
        if (symbol, int(n)) in SITE_MOMENTS:
            moments.append(SITE_MOMENTS[(symbol, int(n))])
        else:
            moments.append(SPECIES_MOMENTS.get(symbol, 0.0))
    return moments


def read_structure(path):
    """One periodic structure from `path` (any format ase.io.read knows)."""
    import ase.io
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such file")
    try:
        frames = ase.io.read(path, index=":")
    except Exception as e:  # ASE raises many types for malformed files
        raise InputError(f"{path}: cannot read a structure: {e}")
    if len(frames) != 1:
        raise InputError(f"{path}: expected exactly one structure, found {len(frames)}")
    atoms = frames[0]
    if not all(atoms.pbc):
        raise InputError(f"{path}: the structure must be periodic in three dimensions")
    atoms.calc = None
    return atoms


def file_moments(atoms, path):
    """Initial moments given with the structure: an initial_magmoms column, or the
    initial_magmoms=m1,m2,... key that `ordex spotcheck export` writes; None when absent."""
    if atoms.has("initial_magmoms"):
        return [float(m) for m in atoms.get_initial_magnetic_moments()]
    value = atoms.info.get("initial_magmoms")
    if value is None:
        return None
    try:
        values = [float(v) for v in (value.split(",") if isinstance(value, str) else value)]
    except (TypeError, ValueError):
        raise InputError(f"{path}: initial_magmoms must be numbers, found {value!r}")
    if len(values) != len(atoms):
        raise InputError(f"{path}: initial_magmoms has {len(values)} values for {len(atoms)} atoms")
    return values


def rattle(atoms, amplitude, seed):
    """Deterministic symmetry-breaking displacements, uniform in [-amplitude, amplitude] Å."""
    if amplitude > 0:
        rng = np.random.default_rng(seed)
        atoms.positions += rng.uniform(-amplitude, amplitude, size=atoms.positions.shape)


def settings_from(args, atoms):
    """Every setting that decides the energy, as recorded in the output."""
    kpts = parse_kpts(args.kpts) if args.kpts else kpoint_mesh(atoms.cell, args.kpt_density)
    u_values = parse_species_values(args.u, "--u")
    setups = {}
    for symbol in sorted(set(atoms.get_chemical_symbols())):
        kind = args.mn_setup if symbol == "Mn" and args.mn_setup != "paw" else ""
        if symbol in u_values:
            setups[symbol] = f"{kind}:d,{u_values[symbol]}"
        elif kind:
            setups[symbol] = kind
    return {
        "code": "GPAW",
        "mode": "lcao",
        "basis": args.basis,
        "xc": args.xc,
        "hubbard_u_eV": u_values,
        "hubbard_u_scheme": "Dudarev, d shell, PAW-projector occupations",
        "setups": setups,
        "mn_setup": args.mn_setup,
        "grid_spacing_A": args.h,
        "kpts": list(kpts),
        "kpts_centring": args.kpt_centring,
        "kpt_density_per_inv_A": None if args.kpts else args.kpt_density,
        "smearing": "fermi-dirac",
        "smearing_width_eV": args.smearing,
        "energy_reported": "extrapolated to zero smearing (GPAW get_potential_energy)",
        "mixer": {"method": "difference", "backend": "pulay", "beta": args.mixer_beta,
                  "history": 5, "weight": 50.0},
        "spinpol": True,
        "point_group_symmetry": False,
        "maxiter": args.maxiter,
        "convergence": {"density": args.conv_density, "energy_eV_per_electron": 0.0005},
        "rattle_A": args.rattle,
        "rattle_seed": args.rattle_seed,
        "magnetic_initialisation": "",
    }


def calculator(settings, txt):
    from gpaw import GPAW, FermiDirac, MixerDif
    m = settings["mixer"]
    return GPAW(mode="lcao", basis=settings["basis"], xc=settings["xc"],
                setups=settings["setups"] or "paw", h=settings["grid_spacing_A"],
                kpts=kpoint_list(settings["kpts"], settings["kpts_centring"]),
                occupations=FermiDirac(settings["smearing_width_eV"]),
                mixer=MixerDif(beta=m["beta"], nmaxold=m["history"], weight=m["weight"]),
                spinpol=True, symmetry={"point_group": False, "time_reversal": True},
                maxiter=settings["maxiter"],
                convergence={"density": settings["convergence"]["density"],
                             "energy": settings["convergence"]["energy_eV_per_electron"]},
                txt=txt)


def versions():
    import ase
    import gpaw
    return {"gpaw": gpaw.__version__, "ase": ase.__version__,
            "numpy": np.__version__, "python": sys.version.split()[0]}


def write_json(path, document):
    """Write `document` to `path` atomically (temp file in the same folder, then rename)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
    with os.fdopen(fd, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def run(args):
    atoms = read_structure(args.structure)
    moments = file_moments(atoms, args.structure)
    source = "input file"
    if args.magmoms == "file" and moments is None:
        raise InputError(f"{args.structure}: --magmoms file but the file has no initial_magmoms")
    if args.magmoms == "rule" or moments is None:
        moments = initial_moments(atoms)
        source = "site-aware rule: tetrahedral Co -3, Mn -5; octahedral Co 0, Mn +4 (uB)"
    atoms.set_initial_magnetic_moments(moments)
    rattle(atoms, args.rattle, args.rattle_seed)
    settings = settings_from(args, atoms)
    settings["magnetic_initialisation"] = source
    document = {
        "format": FORMAT,
        "input": os.path.basename(args.structure),
        "formula": atoms.get_chemical_formula(mode="metal"),
        "natoms": len(atoms),
        "species": atoms.get_chemical_symbols(),
        "cell_A": atoms.cell.tolist(),
        "positions_A": atoms.positions.tolist(),
        "initial_magmoms": [float(m) for m in moments],
        "settings": settings,
        "versions": versions(),
    }
    from gpaw import KohnShamConvergenceError
    atoms.calc = calculator(settings, args.txt)
    start = time.perf_counter()
    try:
        energy = atoms.get_potential_energy()
        document.update({
            "converged": True,
            "energy_eV": float(energy),
            "energy_per_atom_eV": float(energy) / len(atoms),
            "free_energy_eV": float(atoms.get_potential_energy(force_consistent=True)),
            "magmoms": [float(m) for m in atoms.get_magnetic_moments()],
            "magmom_total": float(atoms.get_magnetic_moment()),
        })
        code = 0
    except KohnShamConvergenceError as e:
        document.update({"converged": False, "error": f"SCF not converged: {e}"})
        code = 3
    document["iterations"] = int(atoms.calc.scf.niter) if atoms.calc.scf else None
    document["wall_time_s"] = round(time.perf_counter() - start, 2)
    write_json(args.output, document)
    return code


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("structure", help="structure file (extxyz, POSCAR, ...)")
    p.add_argument("-o", "--output", default="result.json", help="JSON result (default result.json)")
    p.add_argument("--txt", default="gpaw.txt", help="GPAW log file (default gpaw.txt)")
    p.add_argument("--xc", default="PBE")
    p.add_argument("--basis", default="dzp")
    p.add_argument("--h", type=float, default=0.2, help="grid spacing, Å (default 0.2)")
    p.add_argument("--u", default="Co=3.32,Mn=3.9",
                   help="Hubbard U on d, eV per species (default Co=3.32,Mn=3.9; 'none' for plain PBE)")
    p.add_argument("--mn-setup", default="7", choices=["7", "paw"],
                   help="Mn PAW setup: '7' = 7-electron Mn.7 (default), 'paw' = 15-electron")
    p.add_argument("--kpts", default=None, help="k-point mesh N1,N2,N3 (overrides --kpt-density)")
    p.add_argument("--kpt-density", type=float, default=1.4,
                   help="k-points per Å^-1: n_i = ceil(2 pi |b_i| density) (default 1.4)")
    p.add_argument("--kpt-centring", default="half-step", choices=["half-step", "gamma"],
                   help="mesh points at (j+1/2)/n (half-step, default: Monkhorst-Pack for even n) "
                        "or j/n (gamma)")
    p.add_argument("--smearing", type=float, default=0.2, help="Fermi-Dirac width, eV (default 0.2)")
    p.add_argument("--mixer-beta", type=float, default=0.05, help="mixer damping (default 0.05)")
    p.add_argument("--maxiter", type=int, default=150, help="SCF iteration cap (default 150)")
    p.add_argument("--conv-density", type=float, default=5e-4,
                   help="SCF density criterion per valence electron (default 5e-4; GPAW's own 1e-4 "
                        "changes 14-atom spinel energies by < 0.1 meV but costs ~40%% more iterations)")
    p.add_argument("--rattle", type=float, default=0.0,
                   help="symmetry-breaking random displacement amplitude, Å (default 0)")
    p.add_argument("--rattle-seed", type=int, default=7)
    p.add_argument("--magmoms", default="auto", choices=["auto", "file", "rule"],
                   help="initial moments: from the file when it has them (auto), only from the file, "
                        "or always from the site-aware rule")
    args = p.parse_args(argv)
    try:
        for name in ("h", "smearing", "mixer_beta", "kpt_density", "conv_density"):
            if not getattr(args, name) > 0:
                raise InputError(f"--{name.replace('_', '-')}: must be positive")
        if args.maxiter < 1 or args.rattle < 0:
            raise InputError("--maxiter must be >= 1 and --rattle >= 0")
        return run(args)
    except InputError as e:
        print(f"gpaw_energy: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
