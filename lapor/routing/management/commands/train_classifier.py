"""``manage.py train_classifier``: retrain on the seed corpus + admins' corrections, write a new
versioned model file with its held-out metrics, register it and (by default) make it active."""

from pathlib import Path

from django.core.management.base import BaseCommand

from lapor.routing import training


class Command(BaseCommand):
    help = "Train the category classifier on the seed corpus and the correction labels."

    def add_arguments(self, parser):
        parser.add_argument("--name", help="version name (default: v<UTC timestamp>)")
        parser.add_argument("--seed", default=str(training.SEED), help="training JSONL")
        parser.add_argument("--real", default=str(training.REAL), help="real reports JSONL")
        parser.add_argument("--no-real", action="store_true", help="without the real reports")
        parser.add_argument("--heldout", default=str(training.HELDOUT), help="evaluation JSONL")
        parser.add_argument("--out-dir", help="where to write the model (default: models_store)")
        parser.add_argument("--no-labels", action="store_true", help="ignore TrainingLabel rows")
        parser.add_argument(
            "--no-activate", action="store_true", help="register without switching to it"
        )

    def handle(self, *args, **opts):
        row = training.train(
            version=opts["name"],
            seed=Path(opts["seed"]),
            heldout=Path(opts["heldout"]),
            real=None if opts["no_real"] else Path(opts["real"]),
            out_dir=Path(opts["out_dir"]) if opts["out_dir"] else None,
            with_labels=not opts["no_labels"],
            activate=not opts["no_activate"],
        )
        m = row.metrics
        self.stdout.write(
            f"version {row.version}: {m['n_seed']} seed lines + {m['n_real']} real reports + "
            f"{m['n_labels']} labels -> "
            f"{row.path} ({m['size_bytes'] / 1e6:.1f} MB)"
        )
        for head in ("category", "unit", "level"):
            self.stdout.write(
                f"  held-out {head}: top-1 {m[head]['top1']:.1f}%  top-3 {m[head]['top3']:.1f}%"
            )
        self.stdout.write(f"  held-out sub-category top-1 {m['subcategory_top1']:.1f}%")
        self.stdout.write("  active" if row.is_active else "  not active (use_model to switch)")
