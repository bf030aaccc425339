from __future__ import annotations

from portal.markdown import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("Mobile money **works**:\n\n- agents\n- airtime")

    assert "<strong>works</strong>" in html
    assert "<li>agents</li>" in html


def test_raw_html_and_scripts_never_come_through():
    html = render_markdown('<script>alert(1)</script><img src=x onerror="alert(2)">')

    assert "<script" not in html
    assert "<img" not in html
    assert "onerror=" not in html.replace("&quot;", '"').split("&lt;")[0]


def test_javascript_links_lose_their_target():
    html = render_markdown("[click](javascript:alert(1))")

    assert "href" not in html


def test_bare_links_become_links_marked_as_user_content():
    html = render_markdown("See https://unctad.org/ecommerce for more.")

    assert 'href="https://unctad.org/ecommerce"' in html
    assert "nofollow" in html
