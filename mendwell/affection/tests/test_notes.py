"""Notes: the one record, written and shared only by choice."""

from __future__ import annotations

import uuid

from django.urls import reverse

from mendwell.affection.models import AffectionNote

HOME = reverse("affection:home")


def _write(client, text, *, share=False, note_id=None):
    data = {"note_id": str(note_id or uuid.uuid4()), "text": text}
    if share:
        data["share"] = "on"
    return client.post(reverse("affection:note_create"), data)


def test_a_note_is_private_unless_the_writer_shares_it(client_for, alex, sam, both_in):
    _write(client_for(alex), "A quiet evening, holding hands.")
    assert "holding hands" in client_for(alex).get(HOME).content.decode()
    assert "holding hands" not in client_for(sam).get(HOME).content.decode()

    _write(client_for(alex), "The hug at the door.", share=True)
    page = client_for(sam).get(HOME).content.decode()
    assert "The hug at the door." in page
    assert "Shared with you by your partner" in page


def test_sending_the_same_note_twice_makes_one(client_for, alex, both_in):
    note_id = uuid.uuid4()
    _write(client_for(alex), "Once.", note_id=note_id)
    _write(client_for(alex), "Once.", note_id=note_id)
    assert AffectionNote.objects.count() == 1


def test_an_empty_note_names_the_field_and_saves_nothing(client_for, alex, both_in):
    response = _write(client_for(alex), "")
    assert response.status_code == 200
    assert "Please write a few words here." in response.content.decode()
    assert not AffectionNote.objects.exists()


def test_a_note_is_stored_encrypted(alex, both_in, client_for):
    from django.db import connection

    _write(client_for(alex), "Our secret sofa evening")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM affection_affectionnote")
        assert "sofa" not in cursor.fetchone()[0]


def test_only_the_writer_can_delete_a_note(client_for, alex, sam, both_in):
    _write(client_for(alex), "Shared one.", share=True)
    note = AffectionNote.objects.get()
    url = reverse("affection:note_delete", kwargs={"note_id": note.pk})
    assert client_for(sam).post(url).status_code == 404
    assert client_for(alex).post(url).status_code == 302
    assert not AffectionNote.objects.exists()


def test_notes_wait_until_the_tools_are_open(client_for, alex, sam):
    _write(client_for(alex), "Too early.")
    assert not AffectionNote.objects.exists()


def test_words_that_call_for_support_show_the_panel_to_the_writer(client_for, alex, both_in):
    response = _write(client_for(alex), "I want to kill myself")
    assert response.status_code == 200
    assert (
        "crisis" in response.content.decode().lower() or "help" in response.content.decode().lower()
    )


def test_a_form_carrying_someone_elses_note_id_never_touches_their_note(
    client_for, alex, sam, both_in
):
    _write(client_for(sam), "Sam's own words.")
    sams = AffectionNote.objects.get()
    response = _write(client_for(alex), "Alex's words.", note_id=sams.pk)
    assert response.status_code == 302
    sams.refresh_from_db()
    assert sams.text == "Sam's own words."
    assert AffectionNote.objects.get(author=alex).text == "Alex's words."
