from django.urls import path

from events.views import events, galleries, gifts, guests

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", events.event_create, name="event_create"),
    path("plan/", events.plan, name="plan"),
    path("<int:pk>/", events.event_detail, name="event_detail"),
    path("<int:pk>/edit/", events.event_edit, name="event_edit"),
    *events.ACTIONS.urls("<int:pk>/"),
    path("<int:pk>/guests/", guests.guest_list, name="guest_list"),
    *guests.GUESTS.urls("<int:pk>/guests/"),
    path("<int:pk>/check-in/", guests.check_in, name="check_in"),
    path("guests/<int:pk>/edit/", guests.guest_edit, name="guest_edit"),
    *guests.GUEST.urls("guests/<int:pk>/"),
    path("rsvp/<str:token>/", guests.rsvp, name="rsvp"),
    path("galleries/", galleries.gallery_list, name="gallery_list"),
    path("galleries/new/", galleries.gallery_create, name="gallery_create"),
    path("galleries/<int:pk>/", galleries.gallery_detail, name="gallery_detail"),
    path("galleries/<int:pk>/edit/", galleries.gallery_edit, name="gallery_edit"),
    *galleries.ACTIONS.urls("galleries/<int:pk>/"),
    path("photos/<int:pk>/edit/", galleries.photo_edit, name="photo_edit"),
    *galleries.PHOTO_ACTIONS.urls("photos/<int:pk>/"),
    path("photos/<int:pk>/<str:size>/", galleries.photo_file, name="photo_file"),
    path("videos/<int:pk>/file/", galleries.video_file, name="video_file"),
    path("public/galleries/", galleries.public_list, name="public_galleries"),
    path("public/galleries/<int:pk>/", galleries.public_gallery, name="public_gallery"),
    path("public/photos/<int:pk>/<str:size>/", galleries.public_photo, name="public_photo"),
    path("gifts/", gifts.gift_list, name="gift_list"),
    path("gifts/print/", gifts.gift_print, name="gift_print"),
    path("gifts/new/", gifts.gift_create, name="gift_create"),
    path("gifts/<int:pk>/", gifts.gift_detail, name="gift_detail"),
    path("gifts/<int:pk>/edit/", gifts.gift_edit, name="gift_edit"),
    *gifts.ACTIONS.urls("gifts/<int:pk>/"),
]
