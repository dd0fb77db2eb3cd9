"""URLs of the press office, mounted at /press/ (MediaRelationsConfig.url_prefix)."""

from django.urls import path

from media_relations.views import conferences, directory, inquiries, monitoring, planning, releases, stats

app_name = "media_relations"

urlpatterns = [
    # media directory
    path("outlets/", directory.outlet_list, name="outlet_list"),
    path("outlets/new/", directory.outlet_create, name="outlet_create"),
    path("outlets/<int:pk>/", directory.outlet_detail, name="outlet_detail"),
    path("outlets/<int:pk>/edit/", directory.outlet_edit, name="outlet_edit"),
    path("journalists/", directory.journalist_list, name="journalist_list"),
    path("journalists/new/", directory.journalist_create, name="journalist_create"),
    *directory.JOURNALIST_IMPORT.urls("journalists/import/"),
    path("journalists/<int:pk>/", directory.journalist_detail, name="journalist_detail"),
    path("journalists/<int:pk>/edit/", directory.journalist_edit, name="journalist_edit"),
    path("lists/", directory.distribution_lists, name="distribution_lists"),
    path("lists/new/", directory.distribution_list_create, name="distribution_list_create"),
    path("lists/<int:pk>/edit/", directory.distribution_list_edit, name="distribution_list_edit"),
    # press inquiries
    path("inquiries/", inquiries.inquiry_list, name="inquiry_list"),
    path("inquiries/new/", inquiries.inquiry_create, name="inquiry_create"),
    path("inquiries/<int:pk>/", inquiries.inquiry_detail, name="inquiry_detail"),
    path("inquiries/<int:pk>/edit/", inquiries.inquiry_edit, name="inquiry_edit"),
    path("inquiries/<int:pk>/draft/", inquiries.inquiry_draft, name="inquiry_draft"),
    *inquiries.INQUIRY_ACTIONS.urls("inquiries/<int:pk>/"),
    *inquiries.QUOTE_ACTIONS.urls("quotes/<int:pk>/"),
    # monitoring and responses
    path("monitoring/", monitoring.publication_list, name="publication_list"),
    path("monitoring/new/", monitoring.publication_create, name="publication_create"),
    path("monitoring/options/", monitoring.publication_options, name="publication_options"),
    path("monitoring/<int:pk>/", monitoring.publication_detail, name="publication_detail"),
    path("monitoring/<int:pk>/edit/", monitoring.publication_edit, name="publication_edit"),
    *monitoring.PUBLICATION_ACTIONS.urls("monitoring/<int:pk>/"),
    path("responses/", monitoring.response_list, name="response_list"),
    *monitoring.RESPONSE_ACTIONS.urls("responses/<int:pk>/"),
    # releases and the public newsroom
    path("releases/", releases.release_list, name="release_list"),
    path("releases/new/", releases.release_create, name="release_create"),
    path("releases/<int:pk>/", releases.release_detail, name="release_detail"),
    path("releases/<int:pk>/edit/", releases.release_edit, name="release_edit"),
    path("releases/<int:pk>/progress/", releases.release_progress, name="release_progress"),
    *releases.RELEASE_ACTIONS.urls("releases/<int:pk>/"),
    *releases.DELIVERY_ACTIONS.urls("releases/messages/<int:pk>/"),
    path("newsroom/", releases.newsroom, name="newsroom"),
    path("newsroom/<slug:slug>/", releases.newsroom_detail, name="newsroom_detail"),
    path("newsroom/<slug:slug>/files/<int:file_id>/", releases.newsroom_file, name="newsroom_file"),
    # conferences
    path("conferences/", conferences.conference_list, name="conference_list"),
    path("conferences/new/", conferences.conference_create, name="conference_create"),
    path("conferences/<int:pk>/", conferences.conference_detail, name="conference_detail"),
    path("conferences/<int:pk>/edit/", conferences.conference_edit, name="conference_edit"),
    *conferences.CONFERENCE_ACTIONS.urls("conferences/<int:pk>/"),
    # publishing plan and bulletin
    path("plan/", planning.plan, name="plan"),
    path("plan/new/", planning.post_create, name="post_create"),
    path("plan/<int:pk>/edit/", planning.post_edit, name="post_edit"),
    path("bulletin/", planning.bulletin_list, name="bulletin_list"),
    path("bulletin/new/", planning.bulletin_create, name="bulletin_create"),
    path("bulletin/<int:pk>/", planning.bulletin_detail, name="bulletin_detail"),
    path("bulletin/<int:pk>/articles/new/", planning.article_create, name="article_create"),
    path("bulletin/articles/<int:pk>/edit/", planning.article_edit, name="article_edit"),
    *planning.BULLETIN_ACTIONS.urls("bulletin/<int:pk>/"),
    # statistics
    path("statistics/", stats.statistics, name="statistics"),
]
