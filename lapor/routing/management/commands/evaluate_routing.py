"""``manage.py evaluate_routing <file.jsonl>``: top-1/top-3 accuracy of the active classifier
for the top-level category, the kind of unit and the government level, with the most confused
pairs. Lines: {"text", "category": "TOP > SUB", "agency", "level"}."""

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

    def handle(self, *args, **opts):
        try:
            rows = training.read_jsonl(opts["path"])
        except (OSError, ValueError) as e:
            raise CommandError(f"cannot read {opts['path']}: {e}") from e
        rows = [r for r in rows if isinstance(r, dict) and r.get("text")]
        if not rows:
            raise CommandError("no lines with a text")
        model = classifier.load(opts["model"]) if opts["model"] else classifier.get_model()
        metrics = training.evaluate(model, rows)
        if opts["json"]:
            self.stdout.write(json.dumps(metrics, ensure_ascii=False, indent=1))
            return
        out = self.stdout.write
        out(f"model {model.version}; {metrics['n']} reports from {opts['path']}")
        out(f"{'':22}{'top-1':>8}{'top-3':>8}{'n':>6}")
        for head, label in LABELS.items():
            m = metrics[head]
            out(f"{label:22}{m['top1']:7.1f}%{m['top3']:7.1f}%{m['n']:6d}")
        out(f"{'sub-category':22}{metrics['subcategory_top1']:7.1f}%")
        for head, label in LABELS.items():
            m = metrics[head]
            if m["unknown"]:
                values = ", ".join(f"{v!r} ×{n}" for v, n in m["unknown_values"].items())
                out(
                    f"{label}: {m['unknown']} gold value(s) not known to the model, "
                    f"counted as misses: {values}"
                )
        out("most confused (gold -> predicted top-1):")
        for head, label in LABELS.items():
            for gold, pred, n in metrics[head]["confused"][:5]:
                out(f"  {label}: {gold} -> {pred} ×{n}")
