import pytest

from wirewatch.ingest.agency import detect_agency


@pytest.mark.parametrize(
    ("body", "agency", "where"),
    [
        ("Erster Absatz.\nZweiter Absatz.\n/ATS", "ATS", "signature"),
        ("Premier paragraphe.\n(ats/afp)", "ATS", "signature"),
        ("Text.\nSDA-ATS", "ATS", "signature"),
        ("Texte du jour (ats)", "ATS", "signature"),
        ("Text.\nKeystone-SDA", "ATS", "signature"),
        ("WASHINGTON (AFP) - North Korean troops are fighting.\nMore.", "AFP", "dateline"),
        ("The story ends here. — AFP", "AFP", "signature"),
        ("Washington (dpa) – Nordkoreanische Truppen kämpfen.\nMehr.", "dpa", "dateline"),
        ("Text.\ndpa", "dpa", "signature"),
        ("LONDON (Reuters) - Markets fell.", "Reuters", "dateline"),
        ("Wien (APA) - Text.", "APA", "dateline"),
        ("Roma (ANSA) - Testo.", "ANSA", "dateline"),
        ("Madrid (EFE).- Texto.\nMás.", "EFE", "dateline"),
        ("Text.\n(Belga)", "Belga", "signature"),
        ("Tekst.\n(ANP)", "ANP", "signature"),
        ("Bonn (KNA) - Text.", "KNA", "dateline"),
        ("Text.\nepd", "epd", "signature"),
        ("The story. (AP)", "AP", "signature"),
    ],
)
def test_signature_forms(body, agency, where):
    found = detect_agency(body)
    assert (found.agency, found.where) == (agency, where)


@pytest.mark.parametrize(
    "body",
    [
        "Der Text endet hier mit ats.",
        "He told the AP.\nThanks for reading.",
        "AFP reported earlier that the talks failed, according to officials.",
        "Une dépêche de l'AFP citait un diplomate.\nLa suite demain.",
    ],
)
def test_mentions_are_not_signatures(body):
    assert detect_agency(body) is None


def test_byline_of_an_agency():
    assert detect_agency("Plain text.", author="AFP").agency == "AFP"
    assert detect_agency("Plain text.", author="Von dpa").where == "byline"
    assert detect_agency("Plain text.", author="Anna Muster") is None
