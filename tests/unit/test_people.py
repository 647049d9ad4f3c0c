from datetime import date

import pytest
from sqlalchemy import select

from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.enums import DocumentType, Role, Sex, Vulnerability
from frontera_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PossibleDuplicate,
    ValidationError,
)
from frontera_desk.services import people
from frontera_desk.services.people import DocumentInput, PersonInput
from tests.conftest import TODAY


def person(**changes) -> PersonInput:
    data = PersonInput(
        given_names="José Luis",
        first_surname="Hernández",
        second_surname="Núñez",
        sex=Sex.MALE,
        birth_date=date(1990, 5, 4),
        nationality="HN",
        household_size=3,
        dependents=2,
        documents=[DocumentInput(DocumentType.PASSPORT, "F123456")],
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def create(db, actor, data=None, **kwargs):
    with db.write() as session:
        return people.create_person(session, actor, data or person(), today=TODAY, **kwargs)


def test_registering_a_person_opens_a_case_and_keeps_every_field(db, actors):
    data = person(
        vulnerabilities={Vulnerability.ASYLUM},
        phone="+52 962 123 4567",
        lodging="Albergue Belén",
        notes="Llegó con su familia",
    )
    record = create(db, actors[Role.CAPTURISTA], data)
    assert record.full_name == "José Luis Hernández Núñez"
    assert record.case_number == f"TAP-EXP-{record.id:06d}"
    assert record.vulnerabilities == {Vulnerability.ASYLUM}
    assert record.documents[0].number == "F123456"
    assert record.lodging == "Albergue Belén"
    assert len(record.uuid) == 36


def test_search_ignores_accents_and_case(db, actors):
    create(db, actors[Role.CAPTURISTA])
    create(
        db,
        actors[Role.CAPTURISTA],
        person(given_names="María", first_surname="Ibáñez", second_surname="", documents=[]),
    )
    with db.read() as session:
        assert [r.full_name for r in people.search_people(session, "nunez")] == [
            "José Luis Hernández Núñez"
        ]
        assert len(people.search_people(session, "jose hernandez")) == 1
        assert len(people.search_people(session, "JOSÉ HERNÁN")) == 1  # prefixes while typing
        assert [r.full_name for r in people.search_people(session, "ibanez maria")] == [
            "María Ibáñez"
        ]
        assert people.search_people(session, "f 123456") == []
        assert len(people.search_people(session, "f123456")) == 1  # by document number
        assert people.search_people(session, "pedro") == []
        assert people.search_people(session, '"; DROP TABLE persons; --') == []
        assert people.search_people(session, "100% _x") == []  # LIKE's wildcards are literal
        # the list's count comes from the index itself: it must agree with the list
        for query, expected in (("jose hernandez", 1), ("maria", 1), ("", 2), ("pedro", 0)):
            assert session.scalar(people.person_count_query(query)) == expected
            assert len(people.person_ids(session, query)) == expected


def test_search_finds_names_in_any_script(db, actors):
    create(
        db,
        actors[Role.CAPTURISTA],
        person(given_names="Олена", first_surname="Шевченко", second_surname="", documents=[]),
    )
    with db.read() as session:
        assert len(people.search_people(session, "шевченко")) == 1


def test_same_name_and_birth_date_is_warned_before_saving(db, actors):
    first = create(db, actors[Role.CAPTURISTA])
    again = person(given_names="Jose Luis", second_surname="NUNEZ", documents=[])
    with pytest.raises(PossibleDuplicate) as warning:
        create(db, actors[Role.CAPTURISTA], again)
    assert [m.id for m in warning.value.matches] == [first.id]
    assert "José Luis Hernández Núñez" in warning.value.message
    second = create(db, actors[Role.CAPTURISTA], again, confirmed_not_duplicate=True)
    assert second.id != first.id


def test_same_document_is_warned_even_with_another_name(db, actors):
    first = create(db, actors[Role.CAPTURISTA])
    other = person(
        given_names="Pedro",
        birth_date=None,
        documents=[DocumentInput(DocumentType.PASSPORT, "f-123 456")],
    )
    with db.read() as session:
        assert [m.id for m in people.find_duplicates(session, other, today=TODAY)] == [first.id]


def test_editing_does_not_warn_about_the_person_itself(db, actors):
    record = create(db, actors[Role.CAPTURISTA])
    data = record.as_input()
    data.phone = "962 000 1111"
    with db.write() as session:
        updated = people.update_person(
            session, actors[Role.CAPTURISTA], record.id, data, today=TODAY
        )
    assert updated.phone == "962 000 1111"
    with db.read() as session:
        assert people.search_people(session, "hernandez")[0].id == record.id


def test_estimated_age_gives_an_estimated_birth_date(db, actors):
    record = create(db, actors[Role.CAPTURISTA], person(birth_date=None, estimated_age=34))
    assert record.birth_date_estimated
    assert people.age_on(record.birth_date, TODAY) == 34


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"given_names": "  "}, "given_names", "Nombre(s): es obligatorio"),
        ({"first_surname": ""}, "first_surname", "Primer apellido"),
        ({"given_names": "Juan2"}, "given_names", "solo puede llevar letras"),
        ({"given_names": "x" * 101}, "given_names", "hasta 100"),
        ({"birth_date": date(2027, 1, 1)}, "birth_date", "no puede ser futura"),
        ({"birth_date": date(1890, 1, 1)}, "birth_date", "más de 120"),
        ({"birth_date": None, "estimated_age": 130}, "estimated_age", "Edad aproximada"),
        ({"nationality": "QQ"}, "nationality", "no es un país"),
        ({"phone": "llamar a su hermana"}, "phone", "Teléfono"),
        ({"household_size": 0}, "household_size", "Integrantes"),
        ({"dependents": 3}, "dependents", "Dependientes"),
        ({"sex": "Z"}, "sex", "Sexo"),
        ({"sex": ""}, "sex", "Sexo: es obligatorio"),
        ({"vulnerabilities": {Vulnerability.UNACCOMPANIED_MINOR}}, "vulnerabilities", "menores"),
        (
            {"documents": [DocumentInput(DocumentType.PASSPORT, " ")]},
            "documents",
            "falta el número",
        ),
        (
            {
                "documents": [
                    DocumentInput(DocumentType.COMAR, "A1"),
                    DocumentInput(DocumentType.COMAR, "a-1"),
                ]
            },
            "documents",
            "dos veces",
        ),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(db, actors, changes, field, fragment):
    with pytest.raises(ValidationError) as error:
        create(db, actors[Role.CAPTURISTA], person(**changes))
    assert error.value.field == field
    assert fragment in error.value.message
    with db.read() as session:
        assert people.count_people(session) == 0


def test_names_with_sql_or_formula_text_are_stored_as_typed(db, actors):
    record = create(
        db, actors[Role.CAPTURISTA], person(given_names="O'Brien", second_surname="D'Arcy")
    )
    assert record.full_name == "O'Brien Hernández D'Arcy"


def test_household_members_join_the_head(db, actors):
    head = create(db, actors[Role.CAPTURISTA])
    child = create(
        db,
        actors[Role.CAPTURISTA],
        person(
            given_names="Ana", birth_date=date(2015, 1, 1), documents=[], household_head_id=head.id
        ),
    )
    grandchild = create(
        db,
        actors[Role.CAPTURISTA],
        person(
            given_names="Luz", birth_date=date(2020, 1, 1), documents=[], household_head_id=child.id
        ),
    )
    assert grandchild.household_head_id == head.id
    with db.read() as session:
        members = people.household_members(session, child.id)
    assert [m.id for m in members] == [head.id, child.id, grandchild.id]


def test_unknown_people_are_not_found(db):
    with db.read() as session, pytest.raises(NotFoundError):
        people.get_person(session, 999)


def test_list_is_sorted_in_sql(db, actors):
    for name in ("Zoila", "Ana", "Marta"):
        create(
            db,
            actors[Role.CAPTURISTA],
            person(given_names=name, first_surname=name + "z", documents=[]),
        )
    with db.read() as session:
        ids = people.person_ids(session, sort="name")
        rows = people.fetch_rows(session, ids)
        assert [rows[i].full_name.split()[0] for i in ids] == ["Ana", "Marta", "Zoila"]
        desc = people.person_ids(session, sort="name", descending=True)
        assert desc == list(reversed(ids))


def test_search_results_keep_the_list_order(db, actors):
    for given, first in (("Zoe", "Núñez"), ("Ana", "Nunez"), ("Luz", "Núñez")):
        create(
            db,
            actors[Role.CAPTURISTA],
            person(given_names=given, first_surname=first, second_surname="", documents=[]),
        )
    with db.read() as session:
        ids = people.person_ids(session, "nunez", sort="name")
        assert [people.fetch_rows(session, ids)[i].full_name for i in ids] == [
            "Ana Nunez",
            "Luz Núñez",
            "Zoe Núñez",
        ]


def test_formula_and_sql_text_in_free_text_is_stored_as_text(db, actors):
    record = create(
        db,
        actors[Role.CAPTURISTA],
        person(notes='=HYPERLINK("x"); DROP TABLE persons;--', lodging="@SUM(A1)"),
    )
    assert record.notes == '=HYPERLINK("x"); DROP TABLE persons;--'
    assert record.lodging == "@SUM(A1)"
    with pytest.raises(ValidationError, match="solo puede llevar letras"):
        create(db, actors[Role.CAPTURISTA], person(given_names="=cmd|' /C calc'!A0"))


def test_two_desks_editing_the_same_person_never_overwrite_each_other(db, actors):
    """Both desks open the form on the same version; the first save wins, the second is told
    and changes nothing (the person keeps the first desk's data, one change is audited)."""
    worker = actors[Role.CAPTURISTA]
    opened = create(db, worker)
    with db.write() as session:
        first = people.update_person(session, worker, opened.id, person(phone="962 111 1111"),
                                     today=TODAY, expected_version=opened.version)  # fmt: skip
    assert first.version == opened.version + 1
    with db.write() as session, pytest.raises(ConflictError, match="Otra persona guardó"):
        people.update_person(session, worker, opened.id, person(phone="962 222 2222"),
                             today=TODAY, expected_version=opened.version)  # fmt: skip
    with db.read() as session:
        assert people.get_person(session, opened.id).phone == "962 111 1111"
        changes = session.scalars(select(AuditEntry).where(AuditEntry.action == "modificar")).all()
    assert len(changes) == 1


@pytest.mark.parametrize("sort", ["name", "age", "nationality", "created"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_list_read_in_batches_is_the_whole_list_once(db, actors, sort, descending):
    # Namesakes (equal keys) and people without a birth date or a nationality (NULL keys): each
    # batch starts after the last row read (or, for a key that can be NULL, at its position).
    for number in range(7):
        create(db, actors[Role.CAPTURISTA], person(
            given_names="Ana" if number % 3 else "Eva", first_surname="Ruiz", documents=[],
            birth_date=None if number % 2 else date(1990, 1, 1 + number % 3),
            nationality=None if number % 3 == 0 else "GT",
        ), confirmed_not_duplicate=True)  # fmt: skip
    listing = people.person_list(sort=sort, descending=descending)
    with db.read() as session:
        whole = list(session.scalars(listing.ids()))
        read, last = [], None
        while batch := session.execute(listing.batch(2, last, len(read))).all():
            read += [row[0] for row in batch]
            last = batch[-1]
        everyone = people.person_ids(session)
    assert read == whole
    assert sorted(whole) == sorted(everyone) and len(whole) == 7
