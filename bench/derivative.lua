-- wrk script: POST derivatives of the course's examples.
local functions = {
  '{"expression":"x\'*A*x","variable":"x"}',
  '{"expression":"tr(A*X*B)","variable":"X"}',
  '{"expression":"norm(X*w - y)^2","variable":"w"}',
  '{"expression":"logdet(X\'*X)","variable":"X"}',
  '{"expression":"-y\'*X*w + log(ones\'*exp(X*w))","variable":"w"}'}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/derivative", {["Content-Type"] = "application/json"}, functions[(i % #functions) + 1])
end
