from django.utils import translation


class UserLanguageMiddleware:
    """Activate a signed-in user's saved language for the whole request.

    It runs after AuthenticationMiddleware and overrides the language that
    LocaleMiddleware chose from the cookie or the browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class IndonesianFirstMiddleware:
    """Ignore the browser's language, so that pages open in Indonesian.

    Shared office PCs often run an English browser while their users read
    Indonesian best. English is shown only after someone chooses it, which
    the language cookie or the user's saved preference records. It runs
    before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
