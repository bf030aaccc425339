from __future__ import annotations

import hashlib

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)
from django_ratelimit.core import is_ratelimited

from forums import selectors, services
from forums.forms import ReplyForm, ThreadForm
from forums.models import Forum, Thread

POSTING_RATE = "10/m"
# How long a page kept for readers without cookies may lag behind a change
# that its key does not follow (an author's new name, a forum's new title).
READER_PAGE_TIMEOUT = 600


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "forums/forum_list.html", {"forums": selectors.forum_list()})


@require_safe
def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum_or_404(slug)
    page_obj = selectors.thread_page(forum=forum, page=request.GET.get("page"))
    return render(
        request,
        "forums/forum_detail.html",
        {"forum": forum, "page_obj": page_obj, "page_url": forum.get_absolute_url()},
    )


@login_required
@permission_required("forums.post", raise_exception=True)
@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum_or_404(slug)
    form = ThreadForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _posting_too_fast(request):
            form.add_error(None, _too_fast_message())
            status = 429
        else:
            thread = services.thread_create(
                forum=forum,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
            return redirect(thread)
    return render(
        request,
        "forums/thread_create.html",
        {"forum": forum, "form": form},
        status=status,
    )


@require_safe
def thread_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    thread = _thread_or_404(pk)
    if slug != thread.slug:
        url = thread.get_absolute_url()
        if request.GET:
            url += "?" + request.GET.urlencode()
        return HttpResponsePermanentRedirect(url)
    key = _reader_page_key(request, thread)
    if key and (content := caches["fragments"].get(key)) is not None:
        response = HttpResponse(content)
        # What the session middleware says of every rendered page, since it
        # differs for the signed-in; here the session was never opened.
        patch_vary_headers(response, ["Cookie"])
        return response
    response = _thread_render(request, thread, page=request.GET.get("page"))
    if key and response.status_code == 200 and not response.cookies:
        caches["fragments"].set(key, response.content, READER_PAGE_TIMEOUT)
    return response


def _reader_page_key(request: HttpRequest, thread: Thread) -> str | None:
    """The cache key of a thread page as a reader without cookies sees it.

    Without cookies there is no session, so no signed-in user and no message:
    the page follows from its address, the language and the thread's post
    count and lock alone. Anyone with a cookie gets the page rendered (its
    posts still come from the template's own cache).
    """
    if request.COOKIES:
        return None
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return (
        f"thread-page:{thread.pk}:{thread.post_count}:{thread.is_locked:d}:"
        f"{get_language()}:{address}"
    )


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread_or_404(pk)
    # Checked here rather than by login_required so that signing in leads
    # back to the thread; the reply address itself answers only POST.
    if not request.user.is_authenticated:
        return redirect_to_login(thread.get_absolute_url())
    if not request.user.has_perm("forums.post"):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _thread_render(request, thread, page=thread.page_count, form=form)
    if _posting_too_fast(request):
        form.add_error(None, _too_fast_message())
        return _thread_render(
            request, thread, page=thread.page_count, form=form, status=429
        )
    try:
        post = services.post_create(
            thread=thread, author=request.user, body=form.cleaned_data["body"]
        )
    except services.ThreadLockedError as error:
        form.add_error(None, str(error))
        return _thread_render(
            request, thread, page=thread.page_count, form=form, status=409
        )
    return redirect(post.get_absolute_url())


def _thread_render(
    request: HttpRequest,
    thread: Thread,
    *,
    page: str | int | None,
    form: ReplyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page_obj = selectors.post_page(thread=thread, page=page)
    return render(
        request,
        "forums/thread_detail.html",
        {
            "thread": thread,
            "forum": thread.forum,
            "page_obj": page_obj,
            "page_url": thread.get_absolute_url(),
            "form": form or ReplyForm(),
        },
        status=status,
    )


def _forum_or_404(slug: str) -> Forum:
    try:
        return selectors.forum_get(slug=slug)
    except Forum.DoesNotExist:
        raise Http404(_("No forum has this address.")) from None


def _thread_or_404(pk: int) -> Thread:
    try:
        return selectors.thread_get(pk=pk)
    except Thread.DoesNotExist:
        raise Http404(_("No thread has this address.")) from None


def _posting_too_fast(request: HttpRequest) -> bool:
    # Counts only posts that would be saved, so fixing a mistake costs nothing.
    return is_ratelimited(
        request,
        group="forums.post",
        key="user",
        rate=POSTING_RATE,
        increment=True,
    )


def _too_fast_message() -> str:
    return _(
        "You have posted ten times in the last minute. Wait a minute, then send "
        "it again: your text is kept below."
    )
