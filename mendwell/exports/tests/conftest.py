from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from conftest import sudo
from mendwell.exports import services
from mendwell.exports.models import ExportJob

HOME = "/export/"


@pytest.fixture(autouse=True)
def _data_dir(settings: Any, tmp_path: Any) -> Any:
    """Each test writes its export files into its own folder."""
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def export_for(client_for: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """Ask for an export through the page (in sudo mode), let the worker make it,
    and return (the person's client, the job, the download URL from the page)."""

    def run(user: Any, *, include_shared: bool = False) -> tuple[Any, ExportJob, str]:
        client = sudo(client_for(user), user)
        data = {"include_shared": "on"} if include_shared else {}
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(HOME, data).status_code == 302
        job = ExportJob.objects.get(owner=user, status="pending")
        with django_capture_on_commit_callbacks(execute=True):
            assert services.export_build(job_id=job.pk) == "ready"
        job.refresh_from_db()
        return client, job, download_url_on_page(client)

    return run


def download_url_on_page(client: Any) -> str:
    page = client.get(HOME).content.decode()
    prefix = reverse("exports:download", kwargs={"token": "TOKEN"}).replace("TOKEN/", "")
    found = re.search(re.escape(prefix) + r'[^"/]+/', page)
    assert found, "no download link on the page"
    return found.group(0)


def download(client: Any, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content
