"""``manage.py evaluate_routing <file.jsonl>``: top-1/top-3 accuracy of the active classifier
for the top-level category, the kind of unit and the government level, with the most confused
pairs. Lines: {"text", "category": "TOP > SUB", "agency", "level"} (optionally "kind" for the
kind of unit, and "report_kind" or LAPOR!'s "admin_classification" for the report kind).
``--by kind`` repeats the table for each report kind (complaint, aspiration, information
request); ``--by unit|level|category`` for each gold value of that field."""

import json

from django.core.management.base import BaseCommand, CommandError

from lapor.routing import classifier, training

LABELS = {
    "category": "top-level category",
    "unit": "kind of unit",
    "level": "government level",
}


class Command(BaseCommand):
    help = "Evaluate the active classifier on a JSONL file of labelled reports."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--model", help="evaluate this version instead of the active one")
        parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
        parser.add_argument(
            "--by",
            choices=["kind", "unit", "level", "category"],
            help="also break the figures down by the report kind (or another gold field)",
        )

    def handle(self, *args, **opts):
        try:
            rows = training.read_jsonl(opts["path"])
        except (OSError, ValueError) as e:
            raise CommandError(f"cannot read {opts['path']}: {e}") from e
        rows = [r for r in rows if isinstance(r, dict) and r.get("text")]
        if not rows:
            raise CommandError("no lines with a text")
        model = classifier.load(opts["model"]) if opts["model"] else classifier.get_model()
        metrics = training.evaluate(model, rows, by=opts["by"])
        if opts["json"]:
            self.stdout.write(json.dumps(metrics, ensure_ascii=False, indent=1, default=str))
            return
        out = self.stdout.write
        out(f"model {model.version}; {metrics['n']} reports from {opts['path']}")
        self.table(metrics)
        for value, part in (metrics.get("by") or {}).items():
            out(f"{opts['by']} = {value}: {part['n']} reports")
            self.table(part)
        for head, label in LABELS.items():
            m = metrics[head]
            if m["unknown"]:
                values = ", ".join(f"{v!r} ×{n}" for v, n in m["unknown_values"].items())
                out(
                    f"{label}: {m['unknown']} gold value(s) not known to the model, "
                    f"counted as misses: {values}"
                )
        out("most confused (gold -> predicted top-1):")
        LABELS_ALL = {**LABELS, "report_kind": "report kind"}
        for head, label in LABELS_ALL.items():
            for gold, pred, n in metrics[head]["confused"][:5]:
                out(f"  {label}: {gold} -> {pred} ×{n}")

    def table(self, metrics):
        out = self.stdout.write
        out(f"{'':22}{'top-1':>8}{'top-3':>8}{'n':>6}")
        for head, label in LABELS.items():
            m = metrics[head]
            out(f"{label:22}{m['top1']:7.1f}%{m['top3']:7.1f}%{m['n']:6d}")
        out(f"{'sub-category':22}{metrics['subcategory_top1']:7.1f}%")
        m = metrics["report_kind"]
        if m["n"]:
            out(f"{'report kind':22}{m['top1']:7.1f}%{'':8}{m['n']:6d}")
