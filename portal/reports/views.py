from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.http import require_GET

from portal.reports.document import report_document_context
from portal.reports.exports import csv_bytes, pdf_bytes
from portal.reports.forms import ReportForm
from portal.reports.rows import report_rows
from portal.reports.selectors import report_build

logger = logging.getLogger(__name__)


@require_GET
@login_required
@permission_required("portal.export_report", raise_exception=True)
def report_create(request: HttpRequest) -> HttpResponse:
    """The report form; once filled in, the same address returns the file."""
    form = ReportForm(request.GET if "start" in request.GET else None)
    if not form.is_valid():
        return render(request, "reports/report_form.html", {"form": form})

    data = form.cleaned_data
    report = report_build(
        start=data["start"],
        end=data["end"],
        themes=list(data["themes"]),
        indicators=list(data["indicators"]),
        areas=list(data["areas"]),
    )
    name = f"ebusiness-report-{data['start']:%Y-%m-%d}-{data['end']:%Y-%m-%d}"
    logger.info(
        "Report %s exported as %s by user %s", name, data["format"], request.user.pk
    )
    if data["format"] == "csv":
        content = csv_bytes(report_rows(report, request.build_absolute_uri))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    html = render_to_string(
        "reports/report_document.html",
        {
            **report_document_context(report, site_url=request.build_absolute_uri("/")),
            "language": get_language(),
            "bidi": get_language_bidi(),
        },
        request=request,
    )
    response = HttpResponse(pdf_bytes(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
