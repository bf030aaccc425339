"""Pages of the practices database."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from practices import selectors, services
from practices.forms import PracticeForm, ReviewForm
from practices.models import Practice, ReviewDecision

PER_PAGE = 20


def _page(request: HttpRequest, queryset: QuerySet[Practice]) -> Page:
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _is_insider(user, practice: Practice) -> bool:
    """The submitter and moderators: they see unpublished practices, the
    status and the moderator's reason."""
    if not user.is_authenticated:
        return False
    return practice.submitted_by_id == user.pk or user.has_perm(
        "practices.moderate_practice"
    )


def _get_or_404(slug: str) -> Practice:
    try:
        return selectors.practice_get(slug=slug)
    except Practice.DoesNotExist:
        raise Http404(_("No initiative has this address.")) from None


@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.practice_search(params=request.GET)
    page = _page(request, filterset.qs)
    return render(
        request,
        "practices/practice_list.html",
        {
            "filter_form": filterset.form,
            "page": page,
            "searched": any(request.GET.get(name) for name in filterset.filters),
        },
    )


@require_GET
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _get_or_404(slug)
    show_status = _is_insider(request.user, practice)
    if not (practice.is_published or show_status):
        raise Http404(_("No initiative has this address."))
    return render(
        request,
        "practices/practice_detail.html",
        {"practice": practice, "show_status": show_status},
    )


@login_required
@permission_required("practices.submit_practice", raise_exception=True)
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_submit(submitted_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you — your initiative is waiting for a moderator.")
            )
            return redirect("practices:mine")
    return render(request, "practices/practice_create.html", {"form": form})


@login_required
@require_GET
def practice_mine(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.practice_submitted_by(user=request.user))
    return render(request, "practices/practice_mine.html", {"page": page})


@login_required
@permission_required("practices.moderate_practice", raise_exception=True)
@require_GET
def practice_queue(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.practice_queue())
    return render(request, "practices/practice_queue.html", {"page": page})


@login_required
@permission_required("practices.moderate_practice", raise_exception=True)
@require_http_methods(["GET", "POST"])
def practice_review(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _get_or_404(slug)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            if decision == ReviewDecision.APPROVED:
                services.practice_approve(
                    practice=practice,
                    moderator=request.user,
                    site_url=_site_url(request),
                )
                messages.success(
                    request,
                    _("“%(title)s” is published; the submitter will be told.")
                    % {"title": practice.title},
                )
            else:
                services.practice_reject(
                    practice=practice,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                    site_url=_site_url(request),
                )
                messages.success(
                    request,
                    _("“%(title)s” was not accepted; the submitter gets your reason.")
                    % {"title": practice.title},
                )
        except ValidationError as error:
            form.add_error(None, error)
        except services.PracticeDecisionError as error:
            messages.error(request, str(error))
            return redirect("practices:queue")
        else:
            return redirect("practices:queue")
    return render(
        request, "practices/practice_review.html", {"practice": practice, "form": form}
    )
