"""The only tags and filters a letter template may use (the sandbox's builtins, see ``merge``):
``if`` for optional text, and filters that change how a value is written. No loading, no
includes, no URLs, no access to anything but the merge fields offered."""

from django.template import Library, defaultfilters, defaulttags

register = Library()

register.tag("if", defaulttags.do_if)
for _name in ("upper", "lower", "capfirst", "title", "default"):
    register.filter(_name, getattr(defaultfilters, _name))
