from django.urls import path

from lapor.nodes import console

app_name = "nodes_console"
urlpatterns = [
    path("", console.node_list, name="list"),
    path("<int:node_id>/", console.node_detail, name="node"),
    path("<int:node_id>/relawan/<int:pk>/hapus/", console.helper_remove, name="helper_remove"),
]
