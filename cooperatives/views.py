from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


directory = register = switch = invitation_accept = detail = edit = verify = members = _todo
