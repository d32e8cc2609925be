# ruff: noqa: E501
"""Build ``seed.jsonl`` (training) and ``heldout.jsonl`` (evaluation) from the hand-written core
reports in ``phrases_*.py``.

Each core report is written by hand, with its sub-topic, the unit people would name and the
government level. Around it we vary what real senders vary: the register (formal letter,
WhatsApp chat, SMS with abbreviations, social-media post), the place (regencies and cities from
Aceh to Papua), greetings in regional languages, typos and English words. The split is by core
report, not by line: every 5th core report of each topic (and every 5th out-of-scope one) goes
only to ``heldout.jsonl``, so evaluation measures reports whose substance the model never saw.

Run: ``python -m lapor.routing.corpus.build`` (deterministic).
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from lapor.agencies.directory_data import CATEGORIES, NATIONAL_AGENCIES, UNIT_TYPES
from lapor.routing.corpus.phrases_a import A
from lapor.routing.corpus.phrases_b import B
from lapor.routing.corpus.phrases_c import OUT, C
from lapor.routing.corpus.phrases_d import D
from lapor.routing.corpus.phrases_e import OUT_E, E

HERE = Path(__file__).resolve().parent
OUT_OF_SCOPE = "DI LUAR KEWENANGAN"
MIN_PER_TOPIC = 44

# (regency/city formal name, short place, province, a district, a village)
PLACES = [
    ("Kabupaten Sleman", "Sleman", "Daerah Istimewa Yogyakarta", "Depok", "Caturtunggal"),
    ("Kota Bekasi", "Bekasi", "Provinsi Jawa Barat", "Bekasi Utara", "Harapan Jaya"),
    ("Kabupaten Aceh Besar", "Aceh Besar", "Provinsi Aceh", "Darul Imarah", "Lampeuneurut"),
    ("Kota Medan", "Medan", "Provinsi Sumatera Utara", "Medan Johor", "Gedung Johor"),
    ("Kabupaten Toba", "Balige", "Provinsi Sumatera Utara", "Balige", "Lumban Dolok"),
    ("Kota Padang", "Padang", "Provinsi Sumatera Barat", "Kuranji", "Pasar Ambacang"),
    ("Kabupaten Kampar", "Kampar", "Provinsi Riau", "Tambang", "Kualu"),
    ("Kota Jambi", "Jambi", "Provinsi Jambi", "Telanaipura", "Simpang IV Sipin"),
    (
        "Kabupaten Ogan Ilir",
        "Ogan Ilir",
        "Provinsi Sumatera Selatan",
        "Indralaya",
        "Tanjung Seteko",
    ),
    ("Kota Bandar Lampung", "Bandar Lampung", "Provinsi Lampung", "Rajabasa", "Rajabasa Raya"),
    ("Kabupaten Bogor", "Bogor", "Provinsi Jawa Barat", "Cibinong", "Pakansari"),
    ("Kabupaten Garut", "Garut", "Provinsi Jawa Barat", "Tarogong Kidul", "Sukagalih"),
    ("Kota Semarang", "Semarang", "Provinsi Jawa Tengah", "Tembalang", "Bulusan"),
    ("Kabupaten Brebes", "Brebes", "Provinsi Jawa Tengah", "Bulakamba", "Pulogading"),
    ("Kabupaten Grobogan", "Grobogan", "Provinsi Jawa Tengah", "Purwodadi", "Danyang"),
    ("Kota Surabaya", "Surabaya", "Provinsi Jawa Timur", "Rungkut", "Medokan Ayu"),
    ("Kabupaten Jember", "Jember", "Provinsi Jawa Timur", "Sumbersari", "Antirogo"),
    ("Kabupaten Sumenep", "Sumenep", "Provinsi Jawa Timur", "Kalianget", "Marengan Laok"),
    ("Kota Malang", "Malang", "Provinsi Jawa Timur", "Lowokwaru", "Tlogomas"),
    ("Kabupaten Tangerang", "Tangerang", "Provinsi Banten", "Curug", "Kadu"),
    ("Kabupaten Badung", "Badung", "Provinsi Bali", "Kuta Utara", "Canggu"),
    ("Kabupaten Lombok Timur", "Lombok Timur", "Provinsi Nusa Tenggara Barat", "Selong", "Pancor"),
    ("Kota Kupang", "Kupang", "Provinsi Nusa Tenggara Timur", "Oebobo", "Oetete"),
    (
        "Kabupaten Manggarai Barat",
        "Labuan Bajo",
        "Provinsi Nusa Tenggara Timur",
        "Komodo",
        "Gorontalo",
    ),
    ("Kota Pontianak", "Pontianak", "Provinsi Kalimantan Barat", "Pontianak Utara", "Siantan Hulu"),
    (
        "Kabupaten Kotawaringin Timur",
        "Sampit",
        "Provinsi Kalimantan Tengah",
        "Baamang",
        "Baamang Hulu",
    ),
    (
        "Kota Banjarmasin",
        "Banjarmasin",
        "Provinsi Kalimantan Selatan",
        "Banjarmasin Utara",
        "Sungai Jingah",
    ),
    ("Kota Samarinda", "Samarinda", "Provinsi Kalimantan Timur", "Sungai Kunjang", "Loa Bakung"),
    (
        "Kabupaten Penajam Paser Utara",
        "Penajam",
        "Provinsi Kalimantan Timur",
        "Sepaku",
        "Bumi Harapan",
    ),
    ("Kota Makassar", "Makassar", "Provinsi Sulawesi Selatan", "Tamalanrea", "Bira"),
    ("Kabupaten Bone", "Bone", "Provinsi Sulawesi Selatan", "Tanete Riattang", "Watampone"),
    ("Kota Manado", "Manado", "Provinsi Sulawesi Utara", "Malalayang", "Bahu"),
    ("Kabupaten Donggala", "Donggala", "Provinsi Sulawesi Tengah", "Banawa", "Boya"),
    ("Kota Kendari", "Kendari", "Provinsi Sulawesi Tenggara", "Poasia", "Anduonohu"),
    ("Kabupaten Gorontalo", "Limboto", "Provinsi Gorontalo", "Limboto", "Hunggaluwa"),
    ("Kota Ambon", "Ambon", "Provinsi Maluku", "Sirimau", "Batu Merah"),
    ("Kota Ternate", "Ternate", "Provinsi Maluku Utara", "Ternate Selatan", "Kalumata"),
    ("Kabupaten Jayapura", "Sentani", "Provinsi Papua", "Sentani", "Hinekombe"),
    ("Kabupaten Merauke", "Merauke", "Provinsi Papua Selatan", "Merauke", "Kelapa Lima"),
    ("Kota Sorong", "Sorong", "Provinsi Papua Barat Daya", "Sorong Timur", "Klawuyuk"),
    (
        "Kabupaten Bangka",
        "Sungailiat",
        "Provinsi Kepulauan Bangka Belitung",
        "Sungailiat",
        "Parit Padang",
    ),
    ("Kota Batam", "Batam", "Provinsi Kepulauan Riau", "Batam Kota", "Belian"),
    ("Kabupaten Bengkulu Utara", "Arga Makmur", "Provinsi Bengkulu", "Arga Makmur", "Gunung Alam"),
    ("Kabupaten Mamuju", "Mamuju", "Provinsi Sulawesi Barat", "Mamuju", "Binanga"),
]

OPENERS_FORMAL = [
    "Yth. Bapak/Ibu Admin LAPOR!, dengan hormat, saya warga {place} ingin menyampaikan pengaduan. ",
    "Dengan hormat, bersama ini saya melaporkan bahwa ",
    "Kepada Yth. Pimpinan instansi terkait. Saya yang bertanda tangan di bawah ini, warga Kec. {kec}, melaporkan: ",
    "Assalamualaikum wr. wb. Izin menyampaikan keluhan masyarakat {desa}. ",
    "Selamat siang. Saya ingin mengadukan permasalahan berikut. ",
    "Bapak/Ibu yang terhormat, ",
    "Mohon izin melapor. ",
]
CLOSERS_FORMAL = [
    " Mohon segera ditindaklanjuti. Terima kasih.",
    " Atas perhatian dan tindak lanjutnya kami ucapkan terima kasih.",
    " Demikian laporan ini saya sampaikan, mohon ditindaklanjuti sesuai ketentuan yang berlaku.",
    " Kami berharap ada penyelesaian secepatnya. Wassalam.",
    " Bukti foto terlampir.",
    " Kejadian ini sudah berlangsung berbulan-bulan.",
    "",
]
OPENERS_CHAT = [
    "min tolong dong, ",
    "halo admin, ",
    "pak, bu, ",
    "Permisi, ",
    "punten min, ",
    "nuwun sewu, ",
    "Tabe' pak, ",
    "Horas, ",
    "om admin, ",
    "mas/mbak admin ",
    "gaes, ",
    "hallo lapor, ",
    "assalamualaikum min, ",
    "kak mau nanya sekaligus lapor, ",
    "",
    "",
    "",
]
CLOSERS_CHAT = [
    " tolong dibantu ya",
    " gimana ini pak??",
    " mohon perhatiannya",
    " udah capek lapor kemana2",
    " please follow up",
    " makasih min",
    " ditunggu responnya",
    " ini udah keterlaluan",
    " sy bingung harus lapor kmn",
    " thx",
    "!!",
    " urgent pls",
    " kapan diberesin?",
    "",
    "",
    "",
]
ENGLISH = [
    (" tapi ", " but "),
    (" sudah ", " already "),
    (" tolong ", " please "),
    (" sangat ", " very "),
    (" mohon ", " please "),
    (" tidak ", " not "),
    (" karena ", " because "),
]
SMS = [
    ("yang", "yg"),
    ("tidak", "tdk"),
    ("tidak", "gak"),
    ("tidak", "ga"),
    ("jalan", "jln"),
    ("sudah", "sdh"),
    ("sudah", "udh"),
    ("belum", "blm"),
    ("dengan", "dgn"),
    ("karena", "krn"),
    ("untuk", "utk"),
    ("banget", "bgt"),
    ("saya", "sy"),
    ("tolong", "tlg"),
    ("sekarang", "skrg"),
    ("bagaimana", "gmn"),
    ("dari", "dr"),
    ("juga", "jg"),
    ("kalau", "klo"),
    ("sama", "sm"),
    ("tapi", "tp"),
    ("bulan", "bln"),
    ("tahun", "thn"),
    ("orang", "org"),
    ("rumah", "rmh"),
    ("kabupaten", "kab"),
    ("desa", "ds"),
    ("pemerintah", "pemda"),
    ("mohon", "mhn"),
]


def sms(text: str, rng: random.Random) -> str:
    words = text.lower().split()
    table: dict[str, list[str]] = {}
    for long, short in SMS:
        table.setdefault(long, []).append(short)
    out = []
    for w in words:
        bare = w.strip(",.!?")
        if bare in table and rng.random() < 0.85:
            w = w.replace(bare, rng.choice(table[bare]))
        out.append(w)
    text = " ".join(out).replace(", ", " ").replace(". ", " ")
    return text.rstrip(".")


def typos(text: str, rng: random.Random, rate: float = 0.12) -> str:
    words = text.split()
    for i, w in enumerate(words):
        if len(w) > 4 and rng.random() < rate:
            j = rng.randrange(1, len(w) - 1)
            kind = rng.randrange(3)
            if kind == 0:  # swap
                w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            elif kind == 1:  # drop
                w = w[:j] + w[j + 1 :]
            else:  # double
                w = w[:j] + w[j] + w[j:]
            words[i] = w
    return " ".join(words)


def english(text: str, rng: random.Random) -> str:
    for a, b in rng.sample(ENGLISH, 3):
        text = text.replace(a, b, 1)
    return text


def render(core: str, style: int, place: tuple[str, ...], rng: random.Random) -> str:
    kab, short, prov, kec, desa = place
    core = core.format(place=short, kab=kab, prov=prov, kec=kec, desa=desa)
    fill = {"place": short, "kec": kec, "desa": desa}
    if style == 0:  # as written
        text = core
    elif style == 1:  # formal letter
        text = (
            rng.choice(OPENERS_FORMAL).format(**fill)
            + core.rstrip(".")
            + "."
            + rng.choice(CLOSERS_FORMAL)
        )
    elif style == 2:  # SMS 1708
        text = sms(core, rng)
        if rng.random() < 0.5:
            text = f"lapor {short.lower()}: {text}"
    elif style == 3:  # chat with typos
        text = (
            rng.choice(OPENERS_CHAT)
            + typos(core[0].lower() + core[1:], rng)
            + rng.choice(CLOSERS_CHAT)
        )
    elif style == 4:  # social media / mixed English
        text = english(" " + core + " ", rng).strip()
        text = (
            rng.choice(["", "@lapor1708 ", "#lapor ", "Viral! "])
            + text
            + rng.choice(["", " #pelayananpublik", " cc @pemkab", " so disappointed", " pls help"])
        )
    else:  # SMS + typos, all caps sometimes
        text = typos(sms(core, rng), rng, 0.2)
        if rng.random() < 0.3:
            text = text.upper()
    return " ".join(text.split())


def default_agency(topic: tuple, sub: tuple) -> tuple[str, str]:
    unit = topic[2]
    agency = topic[3]
    if len(sub) > 3:
        unit = topic[2] if sub[3] is None else (sub[3] or None)
        agency = topic[3] if sub[4] is None else (sub[4] or None)
    if unit:
        short = {c: s for c, _n, s in UNIT_TYPES}[unit]
        return f"{short} {{kab}}", "kabupaten/kota"
    name = {c: s for c, _n, s, _k in NATIONAL_AGENCIES}.get(agency or "", "KemenPANRB")
    return name, "pusat"


def parse(block: str) -> list[list[str]]:
    return [line.split("|") for line in block.strip().splitlines() if line.strip()]


def build() -> tuple[list[dict], list[dict]]:
    rng = random.Random(20260528)
    topics = {t[0]: t for t in CATEGORIES}
    train: list[dict] = []
    held: list[dict] = []
    blocks = {**A, **B, **C}
    for more in (D, E):
        for name, extra in more.items():
            blocks[name] = blocks[name].rstrip() + "\n" + extra.strip() + "\n"
    assert set(blocks) == set(topics), set(topics) ^ set(blocks)
    for name, block in blocks.items():
        topic = topics[name]
        rows = parse(block)
        n_train = sum(1 for i, _ in enumerate(rows) if i % 5 != 2)
        per = max(3, math.ceil(MIN_PER_TOPIC / n_train))
        for i, row in enumerate(rows):
            sub = topic[5][int(row[0]) - 1]
            agency, level = default_agency(topic, sub)
            if len(row) > 2:
                agency, level = row[2], row[3]
            out, n = (held, 2) if i % 5 == 2 else (train, per)
            styles = rng.sample(range(6), min(n, 6)) + [rng.randrange(6) for _ in range(n - 6)]
            for style in styles:
                place = rng.choice(PLACES)
                kab, short, prov, kec, desa = place
                out.append(
                    {
                        "text": render(row[1], style, place, rng),
                        "category": f"{name} > {sub[0]}",
                        "agency": agency.format(
                            kab=kab, prov=prov, place=short, kec=kec, desa=desa
                        ),
                        "level": level,
                    }
                )
    out_blocks = {k: v.rstrip() + "\n" + OUT_E.get(k, "").strip() + "\n" for k, v in OUT.items()}
    for label, block in out_blocks.items():
        lines = [line for line in block.strip().splitlines() if line.strip()]
        for i, line in enumerate(lines):
            out, n = (held, 1) if i % 5 == 2 else (train, 3)
            for style in rng.sample([0, 2, 3, 4, 5], n):
                place = rng.choice(PLACES)
                out.append(
                    {
                        "text": render(line, style if len(line) > 25 else 0, place, rng),
                        "category": f"{OUT_OF_SCOPE} > {label}",
                        "agency": "-",
                        "level": "pusat",
                    }
                )
    return train, held


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    train, held = build()
    write(train, HERE / "seed.jsonl")
    write(held, HERE / "heldout.jsonl")
    print(f"seed.jsonl: {len(train)} lines; heldout.jsonl: {len(held)} lines")
