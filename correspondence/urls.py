from django.urls import path

from correspondence.views import archive, letters, matters, templates, translations, visitors

app_name = "correspondence"

urlpatterns = [
    path("", letters.letter_list, name="letter_list"),
    path("incoming/new/", letters.letter_incoming, name="letter_incoming"),
    path("outgoing/new/", letters.letter_outgoing, name="letter_outgoing"),
    path("options/", letters.letter_options, name="letter_options"),
    path("<int:pk>/", letters.letter_detail, name="letter_detail"),
    path("<int:pk>/edit/", letters.letter_edit, name="letter_edit"),
    path("<int:pk>/pdf/", letters.letter_pdf, name="letter_pdf"),
    path("<int:pk>/docx/", letters.letter_docx, name="letter_docx"),
    # residents' matters
    path("matters/", matters.matter_list, name="matter_list"),
    path("matters/new/", matters.matter_create, name="matter_create"),
    path("matters/statistics/", matters.matter_statistics, name="matter_statistics"),
    path("matters/<int:pk>/", matters.matter_detail, name="matter_detail"),
    path("matters/<int:pk>/edit/", matters.matter_edit, name="matter_edit"),
    # visitors and paper documents
    path("visitors/", visitors.visit_list, name="visit_list"),
    path("visitors/new/", visitors.visit_create, name="visit_create"),
    path("visitors/<int:pk>/edit/", visitors.visit_edit, name="visit_edit"),
    path("documents/", visitors.document_list, name="document_list"),
    path("documents/new/", visitors.document_create, name="document_create"),
    path("documents/<int:pk>/", visitors.document_detail, name="document_detail"),
    # letters from templates
    path("templates/", templates.template_list, name="template_list"),
    path("templates/new/", templates.template_create, name="template_create"),
    path("templates/<int:pk>/", templates.template_detail, name="template_detail"),
    path("templates/<int:pk>/edit/", templates.template_edit, name="template_edit"),
    path("templates/<int:pk>/preview/", templates.template_preview, name="template_preview"),
    path("batches/", templates.batch_list, name="batch_list"),
    path("batches/new/", templates.batch_create, name="batch_create"),
    path("batches/<int:pk>/", templates.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/pdf/", templates.batch_pdf, name="batch_pdf"),
    path("batches/<int:pk>/zip/", templates.batch_zip, name="batch_zip"),
    # translations
    path("translations/", translations.translation_list, name="translation_list"),
    path("translations/new/", translations.translation_create, name="translation_create"),
    path("translations/<int:pk>/", translations.translation_detail, name="translation_detail"),
    path("translations/<int:pk>/edit/", translations.translation_edit, name="translation_edit"),
    # the archive
    path("archive/", archive.class_list, name="class_list"),
    path("archive/classes/new/", archive.class_create, name="class_create"),
    path("archive/classes/<int:pk>/edit/", archive.class_edit, name="class_edit"),
    path("archive/classes/import/", archive.class_import, name="class_import"),
    path("archive/transfers/", archive.transfer_list, name="transfer_list"),
    path("archive/transfers/new/", archive.transfer_create, name="transfer_create"),
    path("archive/transfers/<int:pk>/list/", archive.transfer_pdf, name="transfer_pdf"),
]

urlpatterns += letters.LETTER_ACTIONS.urls("<int:pk>/")
urlpatterns += matters.MATTER_ACTIONS.urls("matters/<int:pk>/")
urlpatterns += visitors.VISIT_ACTIONS.urls("visitors/<int:pk>/")
urlpatterns += visitors.DOCUMENT_ACTIONS.urls("documents/<int:pk>/")
urlpatterns += translations.TRANSLATION_ACTIONS.urls("translations/<int:pk>/")
