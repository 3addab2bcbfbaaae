"""Online accounts: social media profile addresses and @handles ("facebook.com/ty.bclarke.7",
"@tyb_clarke96"). A handle usually contains the person's name and leads straight to them.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import ScrRecogniser, recogniser, result

_PLATFORMS = (
    "facebook|fb|instagram|twitter|x|tiktok|snapchat|youtube|linkedin|threads|reddit|onlyfans|twitch|"
    "pinterest|tumblr|telegram|t\\.me|wa\\.me|discord|vk|kik|soundcloud|spotify"
)
_PROFILE = re.compile(
    # Not inside a longer word or reference: "MX/77/40213" is a file number, not an X profile.
    rf"(?<![\w@./-])(?i:(?:https?://)?(?:www\.|m\.|mobile\.)?(?:{_PLATFORMS})(?:\.com|\.gg|\.me)?/[^\s,;)\"'<>\]]+)"
)
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_])?(?![\w@])")
# A user name without its "@", after the platform or "profile", "username", "handle", "account": 'messaged him
# on Snapchat ("jordypike91")', "(profile: hodan.w94)". It must hold a digit, a dot or an underscore, or the
# cue must be "username"/"handle", so that an ordinary word after "on Facebook" is not taken.
_CUED_HANDLE = re.compile(
    rf"(?i:\b(?:{_PLATFORMS}|profile|username|user[ \t]+name|handle|account)\b)[ \t]*(?:name)?[ \t]*[:(]?[ \t]*[(\"“']?"
    r"(?P<handle>[A-Za-z][A-Za-z0-9_.]{2,29}[A-Za-z0-9_])(?=[\"”')]|[ \t]*[,;.]?(?:\s|$))"
)


@recogniser
class OnlineAccountRecogniser(ScrRecogniser, LocalRecognizer):
    code = "online_account"
    description = "Social media profile addresses and @handles"

    def __init__(self) -> None:
        super().__init__(supported_entities=["ONLINE_ACCOUNT"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        spans = {(m.start("handle"), m.end("handle")) for m in _CUED_HANDLE.finditer(text)
                 if re.search(r"[\d._]", m.group("handle")) or re.search(r"(?i:user|handle)", m.group())}
        if "/" in text or "@" in text:
            spans |= {(m.start(), m.end()) for pattern in (_PROFILE, _HANDLE) for m in pattern.finditer(text)}
        return [
            result("ONLINE_ACCOUNT", start, end, 0.8, "pattern", "[online account]", recogniser_name=self.code)
            for start, end in sorted(spans)
        ]
