"""``manage.py crossval_routing``: grouped cross-validation of the classifier on the real
reports (``lapor.routing.crossval``), with the configuration ``train_classifier`` uses, and
optionally the learning curve (real labels added -> accuracy). Slow: one training per fold."""

import json

from django.core.management.base import BaseCommand, CommandError

from lapor.routing import crossval, training

LABELS = {
    "category": "top-level category",
    "unit": "kind of unit",
    "level": "government level",
    "report_kind": "report kind",
}


def parse_params(pairs: list[str]) -> dict:
    """ "C=30", "topic_mix=false" -> {"C": 30.0, "topic_mix": False}; only known names, each
    value of the default's type."""
    params: dict = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or name not in training.DEFAULT_PARAMS:
            known = ", ".join(sorted(training.DEFAULT_PARAMS))
            raise CommandError(f"--param {pair!r}: expected NAME=VALUE with NAME one of {known}")
        default = training.DEFAULT_PARAMS[name]
        try:
            if isinstance(default, bool):
                if raw.lower() not in ("true", "false", "1", "0"):
                    raise ValueError(raw)
                value: object = raw.lower() in ("true", "1")
            else:
                value = type(default)(raw)
        except ValueError:
            raise CommandError(f"--param {pair!r}: not a {type(default).__name__}") from None
        params[name] = value
    return params


class Command(BaseCommand):
    help = "Cross-validate the classifier on real reports (grouped by near-duplicates)."

    def add_arguments(self, parser):
        parser.add_argument("--real", default=str(training.REAL))
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--no-synthetic", action="store_true")
        parser.add_argument(
            "--curve",
            default="",
            help="comma-separated numbers of real labels for the learning curve, e.g. 0,100,300",
        )
        parser.add_argument(
            "--param",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="override a training parameter (training.DEFAULT_PARAMS), e.g. C=30",
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        params = parse_params(opts["param"])
        real = training.real_rows(opts["real"])
        synthetic = [] if opts["no_synthetic"] else training.seed_rows()
        groups = crossval.near_duplicate_groups([r["text"] for r in real])
        runs = {}
        kw = dict(
            synthetic=synthetic,
            synthetic_weight=training.SYNTHETIC_WEIGHT,
            folds=opts["folds"],
            groups=groups,
            params=params,
        )
        runs["all"] = crossval.cross_validate(real, **kw)
        for n in [int(x) for x in opts["curve"].split(",") if x.strip()]:
            runs[str(n)] = crossval.cross_validate(real, n_labels=n, **kw)
        if opts["json"]:
            self.stdout.write(json.dumps(runs, ensure_ascii=False, indent=1))
            return
        out = self.stdout.write
        m = runs["all"]
        out(
            f"{len(real)} real reports, {m['groups']} groups, {m['folds']} folds; "
            f"{len(synthetic)} synthetic lines; {m['ms_per_report']} ms per report"
        )
        out(f"{'':22}{'top-1':>8}{'top-3':>8}{'n':>6}{'sd':>6}")
        for head, label in LABELS.items():
            h = m[head]
            out(f"{label:22}{h['top1']:7.1f}%{h['top3']:7.1f}%{h['n']:6d}{h['fold_sd']:6.1f}")
        out(f"{'sub-category':22}{m['subcategory_top1']:7.1f}%")
        if len(runs) > 1:
            out("learning curve (real labels in training -> top-1 category / unit / level):")
            for key, r in runs.items():
                if key != "all":
                    out(
                        f"  {key:>5}: {r['category']['top1']:5.1f}% "
                        f"{r['unit']['top1']:5.1f}% {r['level']['top1']:5.1f}%"
                    )
