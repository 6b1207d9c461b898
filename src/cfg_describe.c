/* Describing libconfig settings for messages; see cfg_describe.h. */
#include "cfg_describe.h"

#include <stdio.h>

void cfg_describe(const config_setting_t *s, char *buf, size_t n)
{
  switch (config_setting_type(s)) {
  case CONFIG_TYPE_INT:
    snprintf(buf, n, "%d", config_setting_get_int(s));
    break;
  case CONFIG_TYPE_INT64:
    snprintf(buf, n, "%lld", config_setting_get_int64(s));
    break;
  case CONFIG_TYPE_FLOAT:
    snprintf(buf, n, "%.15g", config_setting_get_float(s));
    break;
  case CONFIG_TYPE_STRING:
    snprintf(buf, n, "\"%s\"", config_setting_get_string(s));
    break;
  case CONFIG_TYPE_BOOL:
    snprintf(buf, n, "%s", config_setting_get_bool(s) ? "true" : "false");
    break;
  case CONFIG_TYPE_GROUP:
    snprintf(buf, n, "a group");
    break;
  case CONFIG_TYPE_ARRAY:
    snprintf(buf, n, "an array");
    break;
  case CONFIG_TYPE_LIST:
    snprintf(buf, n, "a list");
    break;
  default:
    snprintf(buf, n, "a setting of unknown type");
  }
}
