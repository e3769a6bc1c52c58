from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


product_list = product_create = product_detail = product_edit = _todo
demand_list = demand_create = demand_detail = demand_edit = _todo
inbox = inquiry_detail = inquiry_create = _todo
