"""The gazetteer: what a report names (an agency or its acronym, a word that names a level, a
place) becomes an explicit feature of every head, the same at training and when classifying."""

import numpy as np
import pytest

from lapor.routing import text as textmod
from lapor.routing.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer()


def on(gaz, text):
    return set(gaz.matches(textmod.normalise(text)))


def test_agencies_and_their_acronyms_are_named(gaz):
    assert {"alias:pos-indonesia", "service:pos"} <= on(gaz, "Paket saya di PT Pos hilang")
    assert "alias:bpjs-ketenagakerjaan" in on(gaz, "Saldo JHT BPJS TK tidak bisa dicairkan")
    assert "service:bpjs" in on(gaz, "kartu bpjs saya nonaktif")
    assert "alias:pertamina" in on(gaz, "SPBU Pertamina menjual solar di atas HET")
    assert "alias:kemen-atr-bpn" not in on(gaz, "jalan rusak")


def test_words_that_name_a_level(gaz):
    assert "level:provinsi" in on(gaz, "Mohon Bapak Gubernur menindak")
    assert "level:pusat" in on(gaz, "Kepada Kementerian Sosial")
    assert "level:kecamatan" in on(gaz, "camat tidak pernah di kantor")
    assert "level:bumn" in on(gaz, "PT Kereta Api Indonesia (Persero)")


def test_places_and_regency_names_that_are_common_words(gaz):
    assert {"place:regency", "place:regency-named"} <= on(gaz, "di Kabupaten Sleman")
    assert "place:province" in on(gaz, "warga Jawa Tengah")
    # "batu" is a regency name and a word (stone): only "Kota Batu" names the place.
    assert "place:regency-named" in on(gaz, "Kota Batu")
    assert not {"place:regency", "place:regency-named"} & on(gaz, "jalan penuh batu")


def test_the_model_reads_the_gazetteer_the_same_way_when_classifying(monkeypatch):
    from lapor.routing import training

    monkeypatch.setattr(training, "directory_rows", lambda *a, **k: [])
    rows = [
        {"text": t, "category": "KESEHATAN", "kind": "bpjs-kesehatan", "level": "BUMN"}
        for t in ("kartu bpjs tidak aktif", "iuran bpjs naik", "bpjs kesehatan menolak klaim")
    ] + [
        {"text": t, "category": "SOSIAL DAN KESEJAHTERAAN", "kind": "kemensos", "level": "pusat"}
        for t in ("bpnt tidak cair", "kementerian sosial pkh", "rastra tidak datang")
    ]
    model = training.fit(rows, "gaz-test", keywords=False, params={"C": 3.0})
    assert model.gazetteer is not None and model.gazetteer_scale == 0.5
    text = "Kartu BPJS saya di Kabupaten Sleman tidak aktif"
    idx, data = model.row(text)
    dense = np.zeros(model.n_features(), dtype=np.float32)
    dense[idx] = data
    batch = model.features([text]).toarray()[0]
    assert np.allclose(dense, batch, atol=1e-6)
    first_gaz = len(model.word.vocabulary_) + len(model.char.vocabulary_)
    named = {model.gazetteer.names[i - first_gaz] for i in idx if i >= first_gaz}
    assert {"service:bpjs", "place:regency-named"} <= named
    assert model.classify(text).unit[0][0] == "bpjs-kesehatan"

    plain = training.fit(rows, "plain", keywords=False, params={"gazetteer": 0.0})
    assert plain.gazetteer is None
    assert plain.n_features() == len(plain.word.vocabulary_) + len(plain.char.vocabulary_)
    assert plain.classify(text).unit
